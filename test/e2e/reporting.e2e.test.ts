import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { daysAfter } from '../../src/domain/cycles.js';
import { runReminders } from '../../src/modules/reporting/reminders.js';
import { text, useBrowserHarness } from './harness.js';
import { DEMO_PASSWORD, signIn } from './session.js';

const h = useBrowserHarness();

const DONG_KINH = '05977';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Cycle {
  id: string;
  kind: string;
  year: number;
  period: string;
  due: string;
}

async function cycle(period: string, kind: string): Promise<Cycle> {
  const res = await fetch(`${h.url}/api/plans/${h.planId}/cycles`);
  const { cycles } = (await res.json()) as { cycles: Cycle[] };
  return cycles.find((c) => c.period === period && c.kind === kind)!;
}

/** A colleague saving the report from elsewhere (a request of the test itself). */
async function putDraftAs(username: string, url: string, activities: string): Promise<number> {
  const login = await fetch(`${h.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const current = (await (await fetch(url, { headers })).json()) as Record<string, unknown>;
  const { signed: _signed, ...fields } = current;
  const res = await fetch(url, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ ...fields, activities }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { version: number }).version;
}

/** Fetches a link from inside the page (with its session): the content type and the size of the body. */
async function fetchFromPage(
  href: string,
): Promise<{ status: number; type: string; size: number; head: string }> {
  return h.page.evaluate(async (url) => {
    const res = await fetch(url);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      size: bytes.length,
      head: String.fromCharCode(...bytes.slice(0, 5)),
    };
  }, href);
}

// The tests share one server and run in order.
describe('reporting in the web app', () => {
  it('lists the plan’s cycles with their deadlines, draws the on-time rate, lets the coordinator move a deadline', async () => {
    // The page is public; signed in, the coordinator also sees the rates and may change the cycles.
    await signIn(h.page, h.url, 'snv.langson');
    await h.page.goto(`${h.url}/plans/${h.planId}/reporting`);
    const table = h.page.getByTestId('cycle-table');
    await table.waitFor();
    // The cycles the plan's deadlines make: annual reports every year (due 30/11, the day before "trước 01/12"),
    // the reviews where the plan places them, no 6-month report.
    const all = (await (await fetch(`${h.url}/api/plans/${h.planId}/cycles`)).json()) as { cycles: Cycle[] };
    expect(await h.page.locator('[data-testid^="cycle-row-"]').count()).toBe(all.cycles.length);
    expect(all.cycles.filter((c) => c.kind === '6-month')).toEqual([]);
    expect(all.cycles.filter((c) => c.kind === 'annual').map((c) => c.year)).toEqual([
      2026, 2027, 2028, 2029, 2030,
    ]);
    for (const c of all.cycles) await h.page.getByTestId(`cycle-row-${c.period}-${c.kind}`).waitFor();
    const annual2026 = h.page.getByTestId('cycle-row-2026-annual');
    expect(await text(annual2026)).toContain('Báo cáo năm 2026');
    expect(await text(annual2026.getByTestId('cycle-due'))).toBe('30/11/2026');
    expect(await text(annual2026)).toContain('15/12/2025 – 14/12/2026');

    // The chart of on-time rates (ECharts draws on a canvas) and the rate of 2026: nobody had submitted the
    // year's figures by 30/11/2026.
    await h.page.getByTestId('timeliness-chart').locator('canvas').waitFor();
    expect(await text(annual2026.getByTestId('cycle-rate'))).toMatch(/^0% \(0\/\d+ đơn vị\)$/);

    // Generating a year that already has its cycles creates nothing.
    await h.page.getByTestId('generate-submit').click();
    expect(await text(h.page.getByTestId('reporting-success'))).toMatch(/Năm \d{4} đã có đủ các kỳ báo cáo/);

    // Moving the 2027 annual deadline to 25/11/2027.
    const annual = h.page.getByTestId('cycle-row-2027-annual');
    await annual.getByTestId('cycle-edit').click();
    await h.page.getByTestId('cycle-input-due').fill('2027-11-25');
    await h.page.getByTestId('cycle-save').click();
    // The notice of the earlier step may still be up: wait for this step's.
    await expect.poll(() => text(h.page.getByTestId('reporting-success'))).toContain('25/11/2027');
    await h.page.waitForFunction(
      () =>
        document.querySelector('[data-testid="cycle-row-2027-annual"] [data-testid="cycle-due"]')
          ?.textContent === '25/11/2027',
    );

    // Deleting the 2029 annual cycle, after confirming.
    await h.page.getByTestId('cycle-row-2029-annual').getByTestId('cycle-delete').click();
    await h.page.getByTestId('confirm-cancel').click();
    await h.page.getByTestId('cycle-row-2029-annual').waitFor();
    await h.page.getByTestId('cycle-row-2029-annual').getByTestId('cycle-delete').click();
    await h.page.getByTestId('confirm-delete-submit').click();
    await expect
      .poll(() => text(h.page.getByTestId('reporting-success')))
      .toContain('Đã xóa Báo cáo năm 2029');
    await h.page.getByTestId('cycle-row-2029-annual').waitFor({ state: 'detached' });

    // Adding it back on another day.
    await h.page.getByTestId('add-cycle-definition').click();
    await h.page.getByRole('option', { name: 'Hằng năm' }).click();
    await h.page.getByTestId('add-cycle-year').click();
    await h.page.getByRole('option', { name: '2029' }).click();
    await h.page.getByTestId('add-cycle-due').fill('2029-11-28');
    await h.page.getByTestId('add-cycle').click();
    await expect
      .poll(() => text(h.page.getByTestId('reporting-success')))
      .toContain('Đã thêm kỳ báo cáo năm 2029');
    expect(await text(h.page.getByTestId('cycle-row-2029-annual').getByTestId('cycle-due'))).toBe(
      '28/11/2029',
    );

    // Editing the annual report's definition: its recipient.
    await h.page
      .getByTestId('definitions')
      .getByText('Báo cáo kết quả thực hiện công tác bình đẳng giới năm')
      .click();
    await h.page.getByTestId('definition-edit').first().click();
    await h.page.getByTestId('definition-input-recipient').fill('Sở Nội vụ tỉnh Lạng Sơn');
    await h.page.getByTestId('definition-save').click();
    await expect.poll(() => text(h.page.getByTestId('reporting-success'))).toContain('Đã lưu chế độ');
    await expect.poll(() => text(h.page.getByTestId('definitions'))).toContain('Sở Nội vụ tỉnh Lạng Sơn');

    // Who owes the plan's reports, with why.
    await h.page.getByTestId('reporting-units').getByTestId('reporting-units-table').waitFor();
    expect(await text(h.page.getByTestId('reporting-units'))).toContain('Được giao chỉ tiêu');
  });

  it('shows who is late and by how many days, for the province and for one agency', async () => {
    const h1 = await cycle('2026', 'annual');
    // The server counts days in UTC from its own clock: read ours on both sides of the request, so that a run
    // across midnight UTC still agrees.
    const lateToday = () => daysAfter(h1.due, new Date().toISOString().slice(0, 10));
    const late = lateToday();
    expect(late).toBeGreaterThan(0);

    await signIn(h.page, h.url, 'snv.langson', { from: `/cycles/${h1.id}` });
    const row = h.page.getByTestId(`completeness-row-${DONG_KINH}`);
    await row.waitFor();
    expect(await row.getByTestId('unit-state').getAttribute('data-state')).toBe('not_submitted');
    expect(await text(row.getByTestId('unit-state'))).toBe('Chưa gửi');
    const shown = Number(await row.getByTestId('days-late').getAttribute('data-days'));
    expect([late, lateToday()]).toContain(shown);
    expect(await text(row.getByTestId('days-late'))).toBe(`Trễ ${shown} ngày`);
    // Nobody submitted 2026 figures before 30/11/2026: every unit owing the report is late.
    const obligated = await h.page.getByTestId('summary-obligated').getAttribute('data-value');
    expect(Number(obligated)).toBeGreaterThan(65);
    expect(await h.page.getByTestId('summary-late').getAttribute('data-value')).toBe(obligated);
    expect(await h.page.getByTestId('summary-onTime').getAttribute('data-value')).toBe('0%');

    // The agency view: one unit, chosen in the picker.
    await h.page.getByTestId('unit-picker').click();
    await h.page.getByTestId('unit-picker').fill('Thống kê');
    await h.page.getByRole('option', { name: /Thống kê.*\(20-TK\)/ }).click();
    await h.page.waitForURL((url) => url.searchParams.get('unit') === '20-TK');
    await h.page.getByTestId('completeness-row-20-TK').waitFor();
    await row.waitFor({ state: 'detached' });
    expect(await h.page.locator('[data-testid^="completeness-row-"]').count()).toBe(1);
    expect(await h.page.getByTestId('summary-obligated').getAttribute('data-value')).toBe('1');

    // Each unit links to its report.
    await h.page.getByTestId('completeness-row-20-TK').getByTestId('open-report').click();
    await h.page.waitForURL((url) => url.pathname === `/cycles/${h1.id}/reports/20-TK`);
    await h.page.getByTestId('report-title').waitFor();
    expect(await text(h.page.getByTestId('report-title'))).toContain('Thống kê');
  });

  it('a reporter writes the report sections, saves and finds them after a reload; a stale save is refused clearly', async () => {
    const annual = await cycle('2026', 'annual');
    const reportPath = `/cycles/${annual.id}/reports/${DONG_KINH}`;
    await signIn(h.page, h.url, 'baocao.dongkinh', { from: reportPath });
    await h.page.getByTestId('report-prefilled').waitFor();
    expect(await text(h.page.getByTestId('report-doc-title'))).toContain('năm 2026');

    const activities = 'Tổ chức 3 hội nghị tuyên truyền Luật Bình đẳng giới tại các khu phố.';
    const difficulties = 'Kinh phí cho hoạt động truyền thông còn hạn chế.';
    const proposals = 'Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ thống kê giới.';
    await h.page.getByTestId('report-activities').fill(activities);
    await h.page.getByTestId('report-difficulties').fill(difficulties);
    await h.page.getByTestId('report-proposals').fill(proposals);
    expect(await text(h.page.getByTestId('report-dirty'))).toBe('Có thay đổi chưa lưu');
    await h.page.getByTestId('report-save').click();
    expect(await text(h.page.getByTestId('report-saved'))).toBe('Đã lưu phần báo cáo (phiên bản 1).');

    await h.page.reload();
    await h.page.getByTestId('report-editor').waitFor();
    await h.page.waitForFunction(
      (v) => document.querySelector<HTMLTextAreaElement>('[data-testid="report-activities"]')?.value === v,
      activities,
    );
    expect(await h.page.getByTestId('report-difficulties').inputValue()).toBe(difficulties);
    expect(await h.page.getByTestId('report-proposals').inputValue()).toBe(proposals);

    // Meanwhile the province's coordinator saves another text; saving over it is refused with a clear message.
    const theirs = 'Bản do Sở Nội vụ chỉnh: đã tổ chức 4 hội nghị.';
    await putDraftAs('snv.langson', `${h.url}/api/cycles/${annual.id}/reports/${DONG_KINH}/draft`, theirs);
    await h.page.getByTestId('report-activities').fill(`${activities} Bổ sung.`);
    await h.page.getByTestId('report-save').click();
    const conflict = h.page.getByTestId('report-conflict');
    expect(await text(conflict)).toContain('Báo cáo vừa được người khác sửa');
    expect(await text(conflict)).toContain('Nội dung của bạn chưa được lưu');
    await h.page.getByTestId('conflict-reload').click();
    await conflict.waitFor({ state: 'detached' });
    expect(await h.page.getByTestId('report-activities').inputValue()).toBe(theirs);
  });

  it('downloads the report as DOCX and the appendix as XLSX', async () => {
    const annual = await cycle('2026', 'annual');
    await signIn(h.page, h.url, 'baocao.dongkinh', { from: `/cycles/${annual.id}/reports/${DONG_KINH}` });
    for (const [testId, type, ext] of [
      ['download-docx', DOCX, '.docx'],
      ['download-xlsx', XLSX, '.xlsx'],
    ] as const) {
      const link = h.page.getByTestId(testId);
      await link.waitFor();
      const [download] = await Promise.all([h.page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^bao-cao-${DONG_KINH}-.+\\${ext}$`));
      const file = await download.path();
      const bytes = fs.readFileSync(file);
      expect(bytes.length).toBeGreaterThan(1000);
      // DOCX and XLSX are ZIP packages.
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const fetched = await fetchFromPage((await link.getAttribute('href'))!);
      expect(fetched).toMatchObject({ status: 200, type });
      expect(fetched.size).toBeGreaterThan(1000);
    }
  });

  it('refuses a file that is not a PDF, then uploads the signed PDF: sent, and downloadable', async () => {
    const annual = await cycle('2026', 'annual');
    await signIn(h.page, h.url, 'baocao.dongkinh', { from: `/cycles/${annual.id}/reports/${DONG_KINH}` });
    const status = h.page.getByTestId('report-status');
    await status.waitFor();
    expect(await text(status)).toBe('Chưa gửi');
    const input = h.page.getByTestId('report-signed').locator('input[type="file"]');

    await input.setInputFiles({ name: 'bao-cao.docx', mimeType: DOCX, buffer: Buffer.from('PK not a pdf') });
    await h.page.getByTestId('signed-upload').click();
    expect(await text(h.page.getByTestId('signed-error'))).toContain('không phải PDF');
    expect(await text(status)).toBe('Chưa gửi');

    const pdf = Buffer.from('%PDF-1.4\n% Bao cao da ky - phuong Dong Kinh\n%%EOF\n', 'latin1');
    await input.setInputFiles({ name: 'bao-cao-da-ky.pdf', mimeType: 'application/pdf', buffer: pdf });
    await h.page.getByTestId('signed-upload').click();
    expect(await text(h.page.getByTestId('signed-success'))).toContain('báo cáo đã được gửi');
    await h.page.locator('[data-testid="report-status"][data-sent="true"]').waitFor();
    expect(await text(status)).toBe('Đã gửi');

    await h.page.reload();
    await h.page.locator('[data-testid="report-status"][data-sent="true"]').waitFor();
    const href = await h.page.getByTestId('signed-download').getAttribute('href');
    expect(href).toBe(`/api/cycles/${annual.id}/reports/${DONG_KINH}/signed.pdf`);
    const fetched = await fetchFromPage(href!);
    expect(fetched).toMatchObject({ status: 200, type: 'application/pdf', size: pdf.length, head: '%PDF-' });
    // The saved sections survived attaching the signed copy (it bumps the draft's version).
    await h.page.getByTestId('report-activities').fill('Sau khi gửi bản ký: bổ sung một hoạt động.');
    await h.page.getByTestId('report-save').click();
    await h.page.getByTestId('report-saved').waitFor();
  });

  it('the unit calendar lists deadlines and the Action Month in date order and links the .ics feed', async () => {
    await h.page.goto(`${h.url}/org-units/${DONG_KINH}/calendar`);
    const list = h.page.getByTestId('calendar-list');
    await list.waitFor();
    const starts = await h.page
      .getByTestId('calendar-item')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-start') ?? ''));
    expect(starts.length).toBeGreaterThan(5);
    expect(starts).toEqual([...starts].sort());

    const actionMonth = h.page
      .getByTestId('calendar-item')
      .filter({ hasText: 'Tháng hành động vì bình đẳng giới' })
      .first();
    expect(await text(actionMonth.getByTestId('calendar-date'))).toMatch(/^15\/11\/(\d{4}) – 15\/12\/\1$/);
    const deadline = h.page.locator('[data-testid="calendar-item"][data-kind="deadline"]').first();
    expect(await text(deadline.getByTestId('calendar-title'))).toMatch(
      /^Hạn gửi báo cáo (6 tháng đầu )?năm \d{4}$/,
    );
    expect(await text(deadline.getByTestId('calendar-date'))).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

    const ics = `/api/org-units/${DONG_KINH}/calendar.ics`;
    expect(await text(h.page.getByTestId('calendar-url'))).toBe(`${h.url}${ics}`);
    expect(await h.page.getByTestId('calendar-ics').getAttribute('href')).toBe(ics);
    const res = await fetch(`${h.url}${ics}`);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await res.text()).toContain('BEGIN:VCALENDAR');
  });

  it('shows a reminder under the bell and in the list, then counts it as read', async () => {
    // The reminder job (run by the app process every hour) three days after the 2026 annual deadline.
    const h1 = await cycle('2026', 'annual');
    const at = new Date(`${h1.due}T08:00:00Z`);
    at.setUTCDate(at.getUTCDate() + 3);
    const { recorded } = await runReminders({ db: h.server.database.db, now: () => at, daysBefore: 7 });
    expect(recorded).toBeGreaterThan(0);

    await signIn(h.page, h.url, 'baocao.dongkinh');
    const count = h.page.getByTestId('notification-count');
    await h.page.locator('[data-testid="notification-count"][data-count="1"]').waitFor();
    await h.page.getByTestId('notification-bell').click();
    await h.page.waitForURL((url) => url.pathname === '/notifications');
    const item = h.page.getByTestId('notification');
    await item.waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.getAttribute('data-kind')).toBe('overdue');
    expect(await text(item)).toContain('Quá hạn');
    expect(await text(item.getByTestId('notification-message'))).toContain('quá hạn 3 ngày báo cáo năm 2026');
    expect(await item.getByTestId('notification-new').count()).toBe(1);
    // Seen: the bell clears, also after a reload.
    await h.page.locator('[data-testid="notification-count"][data-count="0"]').waitFor();
    await h.page.reload();
    await item.waitFor();
    expect(await count.getAttribute('data-count')).toBe('0');
  });
});
