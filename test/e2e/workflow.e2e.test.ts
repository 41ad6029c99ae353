import { describe, expect, it } from 'vitest';
import { useBrowserHarness, text } from './harness.js';
import { apiSession, signIn, signOut } from './session.js';

const h = useBrowserHarness();

const DONG_KINH = '05977';
const workflowPath = () => `/plans/${h.planId}/submissions?period=2026`;
const unitRow = (code = DONG_KINH) => h.page.getByTestId(`submission-row-${code}`);
const statusOfRow = (code = DONG_KINH) =>
  unitRow(code).getByTestId('submission-status').getAttribute('data-status');

/** Waits until the unit's row shows `status` (the list is fetched again after each step). */
async function waitForStatus(status: string, code = DONG_KINH): Promise<void> {
  await unitRow(code).locator(`[data-testid="submission-status"][data-status="${status}"]`).waitFor();
}

/** Target 6.1 (people reached, BDG-20, rolled up from the communes) on the public dashboard. */
/** 6.1 on the public dashboard: the figure its status rests on, and a newer partial one when there is one. */
async function latestOf61(): Promise<{ period: string | null; text: string; partial: string | null }> {
  await h.page.goto(`${h.url}/plans/${h.planId}/dashboard`);
  const card = h.page.getByTestId('dashboard-target-6.1');
  const latest = card.getByTestId('dashboard-latest').first();
  await latest.waitFor();
  const partial = card.getByTestId('dashboard-partial');
  return {
    period: await latest.getAttribute('data-period'),
    text: await text(latest),
    partial: (await partial.count()) > 0 ? await text(partial) : null,
  };
}

// The tests share one server and run in order: each starts from where the previous one left the figures.
describe('the approval chain in the web app', () => {
  it('a ward enters and submits a 2026 figure, its head approves, the province accepts, the dashboard shows it as partial', async () => {
    // Before: 6.1 rests on the accepted 2025 figures.
    const before = await latestOf61();
    expect(before.period).toBe('2025');

    // The reporter of phường Đông Kinh signs in on the way to its entry page.
    await signIn(h.page, h.url, 'baocao.dongkinh', { from: `/org-units/${DONG_KINH}/entry?period=2026` });
    expect(await text(h.page.getByTestId('user-name'))).toBe('Cán bộ báo cáo phường Đông Kinh (demo)');
    const row = h.page.getByTestId('entry-row-BDG-20-total');
    await row.waitFor();
    await row.getByTestId('entry-numerator').fill('24.000');
    await row.getByTestId('entry-denominator').fill('27.300');
    await h.page.getByTestId('entry-save').click();
    await h.page.getByTestId('entry-success').waitFor();
    expect(await text(row.getByTestId('entry-figure-status'))).toBe('Chưa tiếp nhận');

    // Entered, not accepted: the public dashboard has not changed.
    expect(await latestOf61()).toEqual(before);

    // From the entry page to the plan's workflow page for the same year.
    await h.page.goto(`${h.url}/org-units/${DONG_KINH}/entry?period=2026`);
    await h.page.getByTestId('entry-workflow').getByRole('link', { name: 'Quy trình số liệu' }).click();
    await h.page.waitForURL((url) => url.pathname + url.search === workflowPath());
    await unitRow().waitFor();
    expect(await statusOfRow()).toBe('draft');
    expect(await text(unitRow().getByTestId('submission-status'))).toBe('Đang nhập');
    expect(await text(unitRow())).toContain('Đông Kinh');
    // A reporter sees only its own unit, and may submit but not approve or accept.
    expect(await h.page.locator('[data-testid^="submission-row-"]').count()).toBe(1);
    expect(await unitRow().getByTestId('action-approve').count()).toBe(0);
    expect(await unitRow().getByTestId('action-accept').count()).toBe(0);
    await unitRow().getByTestId('action-submit').click();
    await waitForStatus('submitted');
    expect(await text(h.page.getByTestId('workflow-success'))).toContain('Đã gửi số liệu của Đông Kinh');
    expect(await unitRow().getByTestId('action-approve').count()).toBe(0);
    expect(await h.page.getByTestId('bulk-approve').count()).toBe(0);
    await signOut(h.page);

    // The ward's head approves; accepting is the province's.
    await signIn(h.page, h.url, 'lanhdao.dongkinh', { from: workflowPath() });
    await waitForStatus('submitted');
    expect(await unitRow().getByTestId('action-accept').count()).toBe(0);
    await unitRow().getByTestId('action-approve').click();
    await waitForStatus('approved');
    expect(await text(unitRow().getByTestId('submission-status'))).toBe('Đã duyệt');
    await signOut(h.page);

    // The coordinator of the province accepts.
    await signIn(h.page, h.url, 'snv.langson', { from: workflowPath() });
    await waitForStatus('approved');
    await unitRow().getByTestId('action-accept').click();
    await waitForStatus('accepted');
    expect(await text(unitRow().getByTestId('submission-status'))).toBe('Đã tiếp nhận');
    await signOut(h.page);

    // After: the public dashboard (accepted figures only) shows the ward's 2026 figure as one of 65 communes,
    // and 6.1 stays on the 2025 figure of every commune.
    const after = await latestOf61();
    expect(after.partial).toBe('Năm 2026: 1/65 đơn vị đã báo cáo');
    expect(after.period).toBe('2025');
    expect(after.text).toEqual(before.text);
    expect(await h.page.getByTestId('dashboard-target-6.1').getByTestId('pending-badge').count()).toBe(0);
  });

  it('reopening accepted figures needs a reason, which the unit then sees', async () => {
    await signIn(h.page, h.url, 'snv.langson', { from: workflowPath() });
    await waitForStatus('accepted');
    await unitRow().getByTestId('action-reopen').click();
    const confirm = h.page.getByTestId('comment-confirm');
    await confirm.waitFor();
    expect(await confirm.isDisabled()).toBe(true);
    await h.page.getByTestId('comment-input').fill('Mẫu số chưa khớp niên giám thống kê, đề nghị rà soát');
    await confirm.click();
    await waitForStatus('draft');
    expect(await text(unitRow())).toContain('Mẫu số chưa khớp niên giám thống kê, đề nghị rà soát');
    expect(await text(h.page.getByTestId('workflow-success'))).toContain('Đã mở lại số liệu của Đông Kinh');

    // Reopened figures leave the public dashboard again: not even as a partial figure.
    await signOut(h.page);
    expect(await latestOf61()).toMatchObject({ period: '2025', partial: null });
  });

  it('when someone else changed a figure meanwhile, shows both values and lets the user choose', async () => {
    await signIn(h.page, h.url, 'baocao.dongkinh', { from: `/org-units/${DONG_KINH}/entry?period=2026` });
    const row = h.page.getByTestId('entry-row-BDG-20-total');
    await row.waitFor();
    expect(await row.getByTestId('entry-numerator').inputValue()).toBe('24.000');

    // Meanwhile the coordinator corrects the same figure (from version 1 to 2).
    const coordinator = await apiSession(h.url, 'snv.langson');
    const fix = (numerator: number, version: number) =>
      coordinator.post('/api/observations', {
        rows: [
          {
            indicator: 'BDG-20',
            orgUnit: DONG_KINH,
            period: '2026',
            sex: 'total',
            numerator,
            denominator: 27300,
            version,
          },
        ],
        locale: 'vi',
        acknowledgeWarnings: true,
      });
    expect((await fix(24100, 1)).status).toBe(201);

    // The reporter's save, made over version 1, is refused: both values are shown.
    await row.getByTestId('entry-numerator').fill('24.200');
    await h.page.getByTestId('entry-save').click();
    let conflict = h.page.getByTestId('entry-conflict');
    await conflict.waitFor();
    expect(await text(conflict)).toContain('BDG-20 · Tổng');
    expect(await text(conflict)).toContain('Giá trị của bạn');
    expect(await text(conflict.getByTestId('conflict-mine'))).toContain('24.200 / 27.300');
    expect(await text(conflict)).toContain('Giá trị hiện tại (phiên bản 2)');
    expect(await text(conflict.getByTestId('conflict-theirs'))).toContain('24.100 / 27.300');
    expect(await row.getAttribute('data-conflict')).toBe('true');

    // Take theirs: the current figure is loaded, nothing is left to save.
    await conflict.getByTestId('conflict-take-theirs').click();
    await conflict.waitFor({ state: 'detached' });
    expect(await row.getByTestId('entry-numerator').inputValue()).toBe('24.100');
    expect(await text(h.page.getByTestId('entry-pending'))).toBe('Chưa có thay đổi nào.');

    // Another change meanwhile (version 3); this time the reporter keeps its own value, sent over version 3.
    expect((await fix(24150, 2)).status).toBe(201);
    await row.getByTestId('entry-numerator').fill('24.200');
    await h.page.getByTestId('entry-save').click();
    conflict = h.page.getByTestId('entry-conflict');
    await conflict.waitFor();
    expect(await text(conflict)).toContain('Giá trị hiện tại (phiên bản 3)');
    await conflict.getByTestId('conflict-keep-mine').click();
    await h.page.getByTestId('entry-success').waitFor();
    expect(await row.getByTestId('entry-numerator').inputValue()).toBe('24.200');

    // The figure's history lists each change, with who made it.
    await row.getByTestId('entry-history').click();
    const items = h.page.getByTestId('history-item');
    await items.nth(3).waitFor();
    expect(await items.count()).toBe(4);
    expect(await text(items.first())).toContain('baocao.dongkinh');
    expect(await text(items.first())).toContain('(24.150/27.300) → ');
    expect(await text(items.first())).toContain('(24.200/27.300)');
    expect(await text(items.nth(1))).toContain('snv.langson');
  });
});
