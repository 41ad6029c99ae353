import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { text, useBrowserHarness } from './harness.js';
import { apiSession, signIn } from './session.js';

const h = useBrowserHarness();

/** A real (tiny) PNG: the server checks a file's first bytes against its declared type. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Target `code` on the provincial plan's dashboard: its status and its latest figure. */
async function dashboardTarget(code: string) {
  await h.page.goto(`${h.url}/plans/${h.planId}/dashboard`);
  const card = h.page.getByTestId(`dashboard-target-${code}`);
  const latest = card.getByTestId('dashboard-latest').first();
  await latest.waitFor();
  return {
    status: await card.getByTestId('status-badge').getAttribute('data-status'),
    value: (await text(latest)).split('(')[0]!.trim(),
    period: await latest.getAttribute('data-period'),
  };
}

/** Fills the activity form with a communication item and sends it. */
async function logArticle(a: { title: string; channel: string; date: string; url?: string }) {
  const form = h.page.getByTestId('activity-form');
  await form.getByTestId('activity-kind').selectOption('communication');
  await form.getByTestId('activity-date').fill(a.date);
  await form.getByTestId('activity-title').fill(a.title);
  await form.getByTestId('activity-channel').selectOption(a.channel);
  if (a.url) await form.getByTestId('activity-url').fill(a.url);
}

const computedValue = (indicator: string) =>
  h.page.getByTestId(`computed-${indicator}`).getByTestId('computed-value').first();

describe('activity log, registers and drafted plans', () => {
  it('a commune reporter logs an article linked to target 6.3; only the unit’s writers see the form; files are checked', async () => {
    await signIn(h.page, h.url, 'baocao.dongkinh');
    // Another commune's log is readable, but not writable by Đông Kinh's reporter.
    await h.page.goto(`${h.url}/org-units/06415/activities`);
    await h.page.getByTestId('activity-list').waitFor();
    expect(await h.page.getByTestId('activity-form').count()).toBe(0);
    expect(await h.page.getByTestId('attachment-add').count()).toBe(0);

    await h.page.goto(`${h.url}/org-units/05977/activities`);
    await h.page.getByTestId('activity-form').waitFor();
    await h.page.getByTestId('quarter-year').selectOption('2025');
    const q4 = h.page.getByTestId('quarter-count-Q4');
    await expect.poll(() => q4.getAttribute('data-value')).toBe('4');
    expect(await text(h.page.getByTestId('quarter-counts'))).toContain('Tính tự động');

    // Mistakes are named field by field, in Vietnamese, before anything is sent.
    await logArticle({ title: ' ', channel: '', date: '31/02/2025', url: 'dongkinh-khong-phai-url' });
    await h.page.getByTestId('activity-submit').click();
    expect(await text(h.page.getByTestId('activity-error-title'))).toBe('Tiêu đề: chưa nhập');
    expect(await text(h.page.getByTestId('activity-error-channel'))).toBe('Kênh truyền thông: chưa chọn');
    expect(await text(h.page.getByTestId('activity-error-url'))).toContain('Đường dẫn (URL): không hợp lệ');
    expect(await text(h.page.getByTestId('activity-error-date'))).toBe(
      'Ngày: chưa nhập hoặc không đúng dạng ngày/tháng/năm (ví dụ 10/12/2025)',
    );

    const title = 'Bài viết hưởng ứng Tháng hành động vì bình đẳng giới năm 2025';
    const url = 'https://dongkinh.langson.gov.vn/tin-tuc/thang-hanh-dong-binh-dang-gioi-2025';
    await logArticle({ title, channel: 'portal', date: '10/12/2025', url });
    // 10/12 lies in the Action Month (15/11–15/12): the fixed date is suggested from the day.
    expect(await h.page.getByTestId('activity-occasion').inputValue()).toBe('action-month');
    await h.page.getByTestId('activity-targets').click();
    await h.page.getByTestId('activity-targets').fill('6.3');
    await h.page.getByRole('option', { name: /^6\.3 — / }).click();
    await h.page.getByTestId('activity-tasks').click();
    await h.page.getByTestId('activity-tasks').fill('III.3');
    await h.page.getByRole('option', { name: /^III\.3 — / }).click();
    await h.page.keyboard.press('Escape');
    await h.page.getByTestId('activity-submit').click();
    expect(await text(h.page.getByTestId('activity-saved'))).toContain(title);

    const row = h.page.getByTestId('activity-row').filter({ hasText: title });
    await row.waitFor();
    expect(await text(row.getByTestId('activity-date-text'))).toBe('10/12/2025');
    expect(await text(row.getByTestId('activity-kind-badge'))).toBe('Tin, bài truyền thông');
    expect(await text(row.getByTestId('activity-channel-badge'))).toBe('Cổng/trang thông tin điện tử');
    expect(await text(row.getByTestId('activity-occasion-badge'))).toBe(
      'Tháng hành động vì bình đẳng giới (15/11–15/12)',
    );
    expect(await text(row.getByTestId('activity-linked-targets'))).toBe('Chỉ tiêu: 6.3');
    expect(await text(row.getByTestId('activity-linked-tasks'))).toBe('Nhiệm vụ: III.3');
    expect(await row.getByRole('link', { name: title }).getAttribute('href')).toBe(url);
    // The unit's own quarterly count, computed from the log, counts the new item.
    await expect.poll(() => q4.getAttribute('data-value')).toBe('5');

    // Filters, all applied by the server and kept in the URL.
    await h.page.getByTestId('filter-channel').selectOption('portal');
    await h.page.getByTestId('filter-occasion').selectOption('action-month');
    await h.page.getByTestId('filter-from').fill('01/12/2025');
    await h.page.getByTestId('filter-to').fill('31/12/2025');
    await expect.poll(() => h.page.getByTestId('activity-row').count()).toBe(1);
    await row.waitFor();
    expect(h.page.url()).toContain('channel=portal');
    await h.page.getByTestId('filter-kind').selectOption('inspection');
    await h.page.getByTestId('activities-empty').waitFor();
    await h.page.getByTestId('filter-reset').click();
    await expect.poll(() => h.page.getByTestId('activity-row').count()).toBeGreaterThan(20);

    // A photo is attached and downloads as it was sent.
    await row.getByTestId('attachment-input').setInputFiles({
      name: 'anh-bai-viet.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    const link = row.getByTestId('attachment-link');
    await link.waitFor();
    expect(await text(link)).toContain('anh-bai-viet.png');
    const [download] = await Promise.all([h.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('anh-bai-viet.png');
    expect(fs.readFileSync(await download.path())).toEqual(PNG);

    // Files refused, each with its message: the server's own, or the same words said before sending.
    const big = Buffer.alloc(10 * 1024 * 1024 + 512 * 1024);
    PNG.copy(big);
    const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const refused: [name: string, mimeType: string, buffer: Buffer, message: string][] = [
      // Over 10 MB: the server's own message.
      ['anh-qua-lon.png', 'image/png', big, 'Tệp đính kèm "anh-qua-lon.png" vượt quá giới hạn 10 MB'],
      // A "Word file" that is not one: refused by the server for its bytes.
      [
        'bien-ban.docx',
        WORD,
        Buffer.from('không phải tệp Word'),
        'Tệp "bien-ban.docx": chỉ nhận ảnh JPEG, PNG, tệp PDF hoặc Word (.docx)',
      ],
      // A type the server takes no body of: the same words, said before sending.
      [
        'ghi-chu.txt',
        'text/plain',
        Buffer.from('ghi chú'),
        'Tệp "ghi-chu.txt": chỉ nhận ảnh JPEG, PNG, tệp PDF hoặc Word (.docx)',
      ],
    ];
    const error = row.getByTestId('attachment-error');
    for (const [name, mimeType, buffer, message] of refused) {
      await row.getByTestId('attachment-input').setInputFiles({ name, mimeType, buffer });
      await expect.poll(() => text(error)).toBe(message);
    }
    expect(await row.getByTestId('attachment-link').count()).toBe(1);
  });

  it('logging the missing articles of Q4/2025 moves BDG-22 from 3 to 4 and target 6.3 to achieved', async () => {
    // A standing requirement for every commune each quarter: not met while two communes had 3 items.
    const before = await dashboardTarget('6.3');
    expect(before).toEqual({ status: 'not_met', value: '3', period: '2025-Q4' });

    // The two communes with only 3 items in Q4/2025 (the province's figure is the lowest commune's count).
    await signIn(h.page, h.url, 'snv.langson');
    for (const [i, code] of ['06415', '06457'].entries()) {
      await h.page.goto(`${h.url}/org-units/${code}/activities`);
      await h.page.getByTestId('activity-form').waitFor();
      const panel = h.page.getByTestId('computed-BDG-22');
      expect(await text(panel)).toContain('Tính tự động');
      await expect.poll(() => computedValue('BDG-22').getAttribute('data-value')).toBe('3');
      await logArticle({
        title: `Tin bài tuyên truyền bình đẳng giới số ${i + 1}`,
        channel: 'radio',
        date: '05/12/2025',
      });
      await h.page.getByTestId('activity-submit').click();
      await h.page.getByTestId('activity-saved').waitFor();
    }
    // The page's computed figure follows at once: every commune now has at least 4.
    await expect.poll(() => computedValue('BDG-22').getAttribute('data-value')).toBe('4');
    expect(await computedValue('BDG-22').getAttribute('data-period')).toBe('2025-Q4');
    const badge = h.page.getByTestId('computed-BDG-22').getByTestId('status-badge');
    await expect.poll(() => badge.getAttribute('data-status')).toBe('achieved');

    expect(await dashboardTarget('6.3')).toEqual({ status: 'achieved', value: '4', period: '2025-Q4' });
  });

  it('changing who holds a key post in the leadership register changes BDG-01', async () => {
    await signIn(h.page, h.url, 'baocao.dongkinh');
    await h.page.goto(`${h.url}/org-units/05977`);
    const links = {
      activities: '/org-units/05977/activities',
      leadership: '/org-units/05977/leadership',
      staff: '/org-units/05977/staff',
      calendar: '/org-units/05977/calendar',
    };
    for (const [name, href] of Object.entries(links))
      expect(await h.page.getByTestId(`org-${name}-link`).getAttribute('href')).toBe(href);
    await h.page.getByTestId('org-leadership-link').click();
    await h.page.waitForURL('**/org-units/05977/leadership');

    const value = computedValue('BDG-01');
    await expect.poll(() => text(value)).toBe('58,9%');
    expect(await value.getAttribute('data-period')).toBe('2025');
    expect(await text(h.page.getByTestId('computed-BDG-01'))).toContain('Tính tự động');
    expect(await text(h.page.getByTestId('own-bdg01-2025'))).toBe('2025: Không');

    const chair = h.page.locator('[data-testid="leadership-row"][data-position="Chủ tịch UBND"]');
    expect(await chair.getByTestId('leadership-sex').getAttribute('data-sex')).toBe('male');
    expect(await text(chair.getByTestId('leadership-from'))).toBe('01/01/2021');
    await chair.getByTestId('holder-change').click();
    const form = h.page.getByTestId('holder-form');
    await form.getByTestId('holder-sex').selectOption('female');
    await form.getByTestId('holder-from').fill('01/01/2021');
    await form.getByTestId('holder-submit').click();
    expect(await text(form.getByTestId('holder-error-fromDate'))).toBe(
      'Từ ngày: phải sau ngày bắt đầu của nhiệm kỳ hiện tại (01/01/2021)',
    );
    await form.getByTestId('holder-from').fill('01/07/2025');
    await form.getByTestId('holder-submit').click();
    await form.waitFor({ state: 'detached' });

    await expect.poll(() => chair.getByTestId('leadership-sex').getAttribute('data-sex')).toBe('female');
    expect(await text(chair.getByTestId('leadership-from'))).toBe('01/07/2025');
    expect(await text(chair.getByTestId('leadership-earlier'))).toBe('Nam: 01/01/2021 – 30/06/2025');
    // A woman chairs the committee at the end of 2025: one more unit of 90 in the province's share.
    await expect.poll(() => text(value)).toBe('60%');
    expect(await text(h.page.getByTestId('own-bdg01-2025'))).toBe('2025: Có');

    // Staff by sex: a wrong count is named, a right one is listed with its share of women.
    await h.page.getByTestId('work-nav-staff').click();
    await h.page.waitForURL('**/org-units/05977/staff');
    await h.page.getByTestId('staff-asOf').fill('31/12/2025');
    await h.page.getByTestId('staff-female').fill('mười hai');
    await h.page.getByTestId('staff-male').fill('15');
    await h.page.getByTestId('staff-submit').click();
    expect(await text(h.page.getByTestId('staff-error-female'))).toBe('Số nữ: phải là số nguyên không âm');
    await h.page.getByTestId('staff-female').fill('12');
    await h.page.getByTestId('staff-submit').click();
    const staff = h.page.getByTestId('staff-row').filter({ hasText: '31/12/2025' });
    await staff.waitFor();
    expect(await staff.locator('td').allTextContents()).toEqual(['31/12/2025', '12', '15', '27', '44,4%']);
  });

  it('Sở Y tế drafts its 2027 plan from the provincial plan, updates a task and downloads the DOCX', async () => {
    const password = 'so-y-te-lang-son-2026';
    const admin = await apiSession(h.url, 'quantri');
    const created = await admin.post('/api/users', {
      username: 'baocao.syt',
      displayName: 'Cán bộ báo cáo Sở Y tế',
      password,
      grants: [{ role: 'reporter', orgUnitCode: '20-SYT' }],
    });
    expect(created.status).toBe(201);
    await signIn(h.page, h.url, 'baocao.syt', { password });

    await h.page.goto(`${h.url}/plans/${h.planId}`);
    expect(await h.page.getByTestId('plan-reporting-link').getAttribute('href')).toBe(
      `/plans/${h.planId}/reporting`,
    );
    const panel = h.page.getByTestId('draft-panel');
    expect(await text(panel.getByTestId('draft-unit-name'))).toBe('Sở Y tế');
    await panel.getByTestId('draft-year').selectOption('2027');
    await panel.getByTestId('draft-submit').click();
    await h.page.waitForURL(
      (u) => /^\/plans\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.includes(h.planId),
    );
    const childId = new URL(h.page.url()).pathname.split('/')[2]!;
    await h.page.getByTestId('draft-created').waitFor();
    await h.page
      .getByRole('heading', { level: 1, name: 'Thực hiện công tác bình đẳng giới năm 2027' })
      .waitFor();

    // The targets Sở Y tế carries, with its role in each.
    const codes = await h.page
      .locator('tr[data-testid^="target-"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.slice('target-'.length)));
    expect(codes).toEqual(['3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '4.4']);
    expect(await text(h.page.getByTestId('target-3.2').getByTestId('target-coordinate'))).toBe('Sở Y tế');
    expect(await text(h.page.getByTestId('target-3.2').getByTestId('target-lead'))).toBe('—');
    for (const code of ['3.3', '3.4', '4.1', '4.2', '4.3', '4.4'])
      expect(await text(h.page.getByTestId(`target-${code}`).getByTestId('target-lead'))).toBe('Sở Y tế');
    expect(await text(h.page.getByTestId('plan-parents'))).toContain('Chiến lược quốc gia về bình đẳng giới');

    // Its task for target 3.3: led by Sở Y tế; the status is updated with a version check.
    const task = h.page.getByTestId('task-T.3.3');
    await task.getByRole('button').first().click();
    expect(await text(task.getByTestId('task-lead'))).toBe('Sở Y tế');
    await task.getByTestId('task-edit-status').selectOption('in_progress');
    await task.getByTestId('task-edit-start').fill('15/01/2027');
    await task.getByTestId('task-edit-due').fill('10/01/2027');
    await task.getByTestId('task-save').click();
    expect(await text(task.getByTestId('task-error-dueDate'))).toBe('Hạn hoàn thành: phải sau ngày bắt đầu');
    await task.getByTestId('task-edit-due').fill('30/11/2027');
    await task.getByTestId('task-edit-evidence').fill('Công văn triển khai số 12/SYT-NVY');
    await task.getByTestId('task-save').click();
    await expect.poll(() => task.getByTestId('task-status').getAttribute('data-status')).toBe('in_progress');
    expect(await text(task.getByTestId('task-dates'))).toBe('15/01/2027 – 30/11/2027');
    expect(await text(task.getByTestId('task-evidence'))).toBe('Công văn triển khai số 12/SYT-NVY');

    // Someone else finishes the task meanwhile: saving the stale form is refused, reloading shows theirs.
    const other = await apiSession(h.url, 'baocao.syt', password);
    const stored = (await other.get(`/api/plans/${childId}/tasks`)) as {
      items: { id: string; code: string; version: number }[];
    };
    const t33 = stored.items.find((x) => x.code === 'T.3.3')!;
    const res = await other.patch(`/api/tasks/${t33.id}`, {
      status: 'done',
      startDate: '2027-01-15',
      dueDate: '2027-11-30',
      evidence: 'Đã hoàn thành',
      version: t33.version,
    });
    expect(res.status).toBe(200);
    await task.getByTestId('task-edit-evidence').fill('Bổ sung kết quả');
    await task.getByTestId('task-save').click();
    await task.getByTestId('task-conflict').waitFor();
    await task.getByTestId('task-reload').click();
    await expect.poll(() => task.getByTestId('task-status').getAttribute('data-status')).toBe('done');

    // The DOCX draft (a zip) and the binhdang.plan/1 export are offered on the new plan.
    const [docx] = await Promise.all([
      h.page.waitForEvent('download'),
      h.page.getByTestId('plan-docx-link').click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = fs.readFileSync(await docx.path());
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const exportHref = await h.page.getByTestId('plan-export-link').getAttribute('href');
    expect(exportHref).toBe(`/api/plans/${childId}/export`);
    const exported = (await (await h.page.request.get(`${h.url}${exportHref}`)).json()) as {
      format: string;
      document: { issuer: string; period: { from: number } };
    };
    expect(exported).toMatchObject({
      format: 'binhdang.plan/1',
      document: { issuer: 'Sở Y tế', period: { from: 2027 } },
    });

    // The provincial plan lists the new plan among those implementing it.
    await h.page.goto(`${h.url}/plans/${h.planId}`);
    expect(await text(h.page.getByTestId('plan-children'))).toContain(
      'Thực hiện công tác bình đẳng giới năm 2027',
    );
  });
});
