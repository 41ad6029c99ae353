import { describe, expect, it } from 'vitest';
import { useBrowserHarness, text } from './harness.js';
import { DEMO_PASSWORD, signIn, signOut } from './session.js';

const h = useBrowserHarness();

const targetCards = () => h.page.locator('[data-testid^="dashboard-target-"]');
const statusOf = (code: string) =>
  h.page.getByTestId(`dashboard-target-${code}`).getByTestId('status-badge').getAttribute('data-status');

async function openDashboard(): Promise<void> {
  await h.page.goto(`${h.url}/plans/${h.planId}/dashboard`);
  await h.page.getByTestId('dashboard-target-6.4').waitFor();
}

// The tests share one server: the last one changes a figure, so it stays last.
describe('progress in the web app', () => {
  it('shows the dashboard of the demo plan: every status counted, 20 targets, a lead filter', async () => {
    const res = await fetch(`${h.url}/api/plans/${h.planId}/progress`);
    const progress = (await res.json()) as { counts: Record<string, number> };
    expect(Object.keys(progress.counts).length).toBeGreaterThan(3);

    // Reached from the plan page header.
    await h.page.goto(`${h.url}/plans/${h.planId}`);
    await h.page.getByRole('link', { name: 'Bảng theo dõi tiến độ' }).click();
    await h.page.waitForURL(`**/plans/${h.planId}/dashboard`);
    await h.page.getByTestId('dashboard-target-6.4').waitFor();

    for (const [status, count] of Object.entries(progress.counts)) {
      expect(await text(h.page.getByTestId(`status-count-${status}`))).toContain(String(count));
    }
    await h.page.getByTestId('status-count-on_track').waitFor();
    expect(await text(h.page.getByTestId('status-count-needs_acceleration'))).toContain('Cần đẩy nhanh');
    expect(await targetCards().count()).toBe(20);
    expect(await h.page.locator('[data-testid^="dashboard-goal-"]').count()).toBe(6);
    expect(await statusOf('2.1')).toBe('needs_acceleration');
    expect(await statusOf('3.3')).toBe('achieved');

    const card = h.page.getByTestId('dashboard-target-2.1');
    const cardText = await text(card);
    expect(cardText).toContain('34,6%');
    expect(cardText).toContain(
      'Cần đẩy nhanh: tốc độ hiện tại 6,6%/năm, cần 9,4%/năm để đạt 60% vào năm 2030',
    );
    // Beside the status, the effort from the latest value (34,6 % in 2025 → above 60 % in 2030).
    expect(await text(card.getByTestId('dashboard-effort'))).toBe(
      'Từ mức năm 2025, cần 11,6%/năm; kỳ tới cần 38,6%',
    );
    expect(await text(h.page.getByTestId('dashboard-data-year'))).toContain('2025');
    await h.page.getByTestId('demo-badge').first().waitFor();

    // Only the targets Thống kê tỉnh leads: 2.2 and 3.1.
    await h.page.getByTestId('lead-filter').click();
    await h.page.getByRole('option', { name: 'Thống kê tỉnh' }).click();
    await h.page.getByTestId('dashboard-target-6.4').waitFor({ state: 'detached' });
    expect(await targetCards().evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual([
      'dashboard-target-2.2',
      'dashboard-target-3.1',
    ]);
  });

  it('shows target 2.1 with its status sentence, a chart and the figures, in either language', async () => {
    await openDashboard();
    await h.page.getByTestId('dashboard-target-2.1').getByRole('link', { name: '2.1', exact: true }).click();
    await h.page.waitForURL('**/targets/*');

    await h.page.locator('[data-testid="measure-chart"] canvas').first().waitFor();
    expect(await h.page.getByTestId('target-status').getAttribute('data-status')).toBe('needs_acceleration');
    const explanation = await text(h.page.getByTestId('target-explanation'));
    expect(explanation.startsWith('Cần đẩy nhanh')).toBe(true);
    expect(explanation).toContain('cần 9,4%/năm để đạt 60% vào năm 2030');

    const figures = h.page.getByTestId('measure-figure');
    expect(await figures.count()).toBe(5);
    expect(await text(figures.last())).toContain('34,6%');
    expect(await text(figures.last())).toContain('Nhập trực tiếp');
    await h.page.getByRole('heading', { level: 1, name: 'Chỉ tiêu 2.1' }).waitFor();

    await h.page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Target 2.1' }).waitFor();
    expect(await text(h.page.getByTestId('target-explanation'))).toMatch(
      /^Needs acceleration: current rate 6.6%/,
    );
    expect(await text(figures.last())).toContain('Entered directly');
    await h.page.locator('[data-testid="measure-chart"] canvas').first().waitFor();
  });

  it('signs in, rejects a wrong figure next to its field, stores the corrected one, and the target becomes achieved', async () => {
    // Before: 2.2 (women in agriculture below 25%) is at 56.8% and progressing too slowly.
    await openDashboard();
    expect(await statusOf('2.2')).toBe('limited');
    // A visitor sees no switch for figures the province has not accepted yet.
    expect(await h.page.getByTestId('include-pending').count()).toBe(0);

    // Entering figures needs an account: the unit page's link leads to the login page, and back after it.
    await h.page.goto(`${h.url}/org-units/20`);
    await h.page.getByRole('link', { name: 'Nhập số liệu' }).click();
    await h.page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('next') === '/org-units/20/entry',
    );
    await h.page.getByTestId('login-username').fill('baocao.thongke');
    await h.page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await h.page.getByTestId('login-submit').click();
    await h.page.waitForURL('**/org-units/20/entry');

    // Thống kê tỉnh provides BDG-03 to the province: its reporter reports it as the agency (reportingUnit 20-TK).
    await h.page.goto(`${h.url}/org-units/20/entry?period=2025`);
    let row = h.page.getByTestId('entry-row-BDG-03-total');
    await row.waitFor();
    expect(await h.page.getByTestId('entry-reporting-BDG-03').inputValue()).toBe('Thống kê tỉnh');
    // Stored figures come back as Vietnamese text, with their status.
    expect(await row.getByTestId('entry-numerator').inputValue()).toBe('137.382');
    expect(await row.getByTestId('entry-denominator').inputValue()).toBe('241.870');
    expect(await text(row.getByTestId('entry-figure-status'))).toBe('Đã tiếp nhận');
    // Indicators other agencies provide are read-only for this reporter.
    expect(await text(h.page.getByTestId('entry-indicator-BDG-01'))).toContain('Chỉ xem');

    // 2025 is accepted, hence locked: the server's message says so.
    await row.getByTestId('entry-numerator').fill('');
    await row.getByTestId('entry-denominator').fill('');
    await row.getByTestId('entry-value').fill('24,5');
    await h.page.getByTestId('entry-save').click();
    await h.page.getByTestId('entry-confirm').click();
    const locked = h.page.getByTestId('entry-locked');
    await locked.waitFor();
    expect(await text(locked)).toContain('Số liệu đã bị khóa');
    expect(await text(locked)).toContain('Kỳ 2025 của đơn vị 20 đã được tiếp nhận');

    // 2026 is open.
    await h.page.goto(`${h.url}/org-units/20/entry?period=2026`);
    row = h.page.getByTestId('entry-row-BDG-03-total');
    await row.waitFor();
    expect(await row.getByTestId('entry-value').inputValue()).toBe('');

    // A share of 120%: the server's Vietnamese message appears next to the value.
    await row.getByTestId('entry-value').fill('120');
    await h.page.getByTestId('entry-save').click();
    const error = row.getByTestId('entry-error');
    await error.waitFor();
    expect(await text(error)).toContain('Giá trị: tỷ lệ phần trăm phải từ 0 đến 100');
    expect(await text(h.page.getByTestId('entry-errors'))).toContain('BDG-03 · Tổng');
    expect(await row.getByTestId('entry-value').getAttribute('aria-invalid')).toBe('true');

    // Corrected with a Vietnamese decimal comma; far from earlier years, so it must be confirmed.
    await row.getByTestId('entry-value').fill('24,5');
    await error.waitFor({ state: 'detached' });
    await h.page.getByTestId('entry-save').click();
    await h.page.getByTestId('entry-confirm').waitFor();
    expect(await text(row.getByTestId('entry-warning'))).toContain('kiểm tra lại trước khi lưu');
    await h.page.getByRole('button', { name: 'Xác nhận và lưu' }).click();
    const success = h.page.getByTestId('entry-success');
    await success.waitFor();
    expect(await text(success)).toContain('Đã lưu 1 số liệu');
    // Shown again as stored, not accepted yet.
    expect(await row.getByTestId('entry-value').inputValue()).toBe('24,5');
    expect(await text(row.getByTestId('entry-figure-status'))).toBe('Chưa tiếp nhận');

    // The public dashboard counts accepted figures only: nothing changed there yet.
    await signOut(h.page);
    await openDashboard();
    expect(await statusOf('2.2')).toBe('limited');

    // The province's coordinator may include figures not yet accepted: 24.5% < 25% meets the target.
    await signIn(h.page, h.url, 'snv.langson');
    await openDashboard();
    expect(await statusOf('2.2')).toBe('limited');
    await h.page.getByTestId('include-pending').check();
    const card = h.page.getByTestId('dashboard-target-2.2');
    await card.getByTestId('pending-badge').waitFor();
    expect(await statusOf('2.2')).toBe('achieved');
    expect(await text(card.getByTestId('dashboard-latest'))).toContain('24,5%');
    expect(await text(card.getByTestId('dashboard-latest'))).toContain('(2026)');
    expect(await text(card.getByTestId('pending-badge'))).toBe('chưa tiếp nhận');
    // Switched off again: accepted figures only.
    await h.page.getByTestId('include-pending').uncheck();
    await card.getByTestId('pending-badge').waitFor({ state: 'detached' });
    expect(await statusOf('2.2')).toBe('limited');
  });
});
