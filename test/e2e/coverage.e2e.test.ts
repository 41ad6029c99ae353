import { describe, expect, it } from 'vitest';
import { text, useBrowserHarness } from './harness.js';
import { apiSession } from './session.js';

const h = useBrowserHarness();

/** One commune of Lạng Sơn's 65 (Đông Kinh) reports 2026 through the whole chain: entered, approved, accepted. */
async function oneCommuneAccepted(): Promise<void> {
  const reporter = await apiSession(h.url, 'baocao.dongkinh');
  const entered = await reporter.post('/api/observations', {
    rows: [{ indicator: 'BDG-20', orgUnit: '05977', period: '2026', numerator: 861, denominator: 1000 }],
    acknowledgeWarnings: true,
  });
  expect(entered.status).toBe(201);
  const body = { planId: h.planId, orgUnit: '05977', period: '2026' };
  for (const [step, who] of [
    ['submit', reporter],
    ['approve', await apiSession(h.url, 'lanhdao.dongkinh')],
    ['accept', await apiSession(h.url, 'snv.langson')],
  ] as const) {
    const res = await who.post(`/api/submissions/${step}`, body);
    expect(res.status, `${step}: ${await res.clone().text()}`).toBe(200);
  }
}

describe('coverage in the web app', () => {
  it('target 6.1 after one commune of 65 reported 2026: the coverage note, and the 2025 status unchanged', async () => {
    const statusOf = async () => {
      await h.page.goto(`${h.url}/plans/${h.planId}/dashboard`);
      const card = h.page.getByTestId('dashboard-target-6.1');
      await card.waitFor();
      return card.getByTestId('status-badge').getAttribute('data-status');
    };
    const before = await statusOf();
    // The milestones read in words, as in the report, its DOCX and XLSX (milestones.demo.test.ts).
    for (const [code, words] of [
      ['4.4', 'chưa thực hiện'],
      ['5.1', 'đang thực hiện'],
    ]) {
      const latest = h.page.getByTestId(`dashboard-target-${code}`).getByTestId('dashboard-latest');
      expect(await text(latest), code).toMatch(new RegExp(`^${words}`));
    }
    await oneCommuneAccepted();
    expect(await statusOf()).toBe(before);
    const card = h.page.getByTestId('dashboard-target-6.1');
    expect(await text(card.getByTestId('dashboard-partial'))).toBe('Năm 2026: 1/65 đơn vị đã báo cáo');
    expect(await card.getByTestId('dashboard-latest').getAttribute('data-period')).toBe('2025');
    // Who is behind, on the coordinator's dashboard: the first communes by name, the rest on the target page.
    expect(await text(card.getByTestId('dashboard-not-reported'))).toMatch(
      /^Chưa báo cáo \(64\): UBND (xã|phường) [^,]+, UBND (xã|phường) [^,]+, UBND (xã|phường) [^,]+ và 61 đơn vị khác/,
    );

    await card.getByRole('link', { name: '6.1', exact: true }).click();
    await h.page.getByTestId('coverage-note').waitFor();
    expect(await text(h.page.getByTestId('coverage-note'))).toContain(
      'Năm 2026: 1/65 đơn vị đã báo cáo, giá trị tạm 86,1% chưa đủ để đại diện cho địa bàn nên chưa dùng để đánh giá. Trạng thái tính theo số liệu năm 2025.',
    );
    expect(await h.page.getByTestId('target-status').getAttribute('data-status')).toBe(before);
    // Who is behind: the 64 communes that have not reported 2026, named and linked.
    expect(await text(h.page.getByTestId('behind-notReported'))).toContain('Chưa báo cáo (64)');
    expect(await h.page.getByTestId('behind-notReported').getByRole('link').count()).toBe(64);
  });
});
