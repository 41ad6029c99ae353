import { describe, expect, it } from 'vitest';
import { useBrowserHarness, text, type Locator } from './harness.js';

const h = useBrowserHarness();

async function openPlan(): Promise<void> {
  await h.page.goto(`${h.url}/plans/${h.planId}`);
  await h.page.getByTestId('target-6.4').waitFor();
}

const texts = async (locator: Locator) => (await locator.allTextContents()).map((s) => s.trim());

describe('web app', () => {
  it('lists the demo plan with its demo badge and opens it', async () => {
    await h.page.goto(`${h.url}/`);
    const row = h.page.getByTestId('plan-row').filter({ hasText: 'Chiến lược quốc gia về bình đẳng giới' });
    await row.waitFor();
    expect(await text(row.getByTestId('demo-badge'))).toMatch(/dữ liệu minh họa/i);
    const rowText = await text(row);
    expect(rowText).toContain('Số: …/KH-UBND');
    expect(rowText).toContain('UBND tỉnh Lạng Sơn');
    expect(rowText).toContain('tháng 4/2026');
    expect(rowText).toContain('2026–2030');
    expect(rowText).toContain('6 mục tiêu');
    expect(rowText).toContain('20 chỉ tiêu');
    expect(await h.page.locator('html').getAttribute('lang')).toBe('vi');

    await row.getByRole('link', { name: /Thực hiện Chiến lược quốc gia/ }).click();
    await h.page.waitForURL(`**/plans/${h.planId}`);
    await h.page.getByRole('heading', { level: 1, name: /Chiến lược quốc gia về bình đẳng giới/ }).waitFor();
    await h.page.getByRole('alert').filter({ hasText: 'Dữ liệu minh họa' }).waitFor();
  });

  it('shows the plan: 6 goals, 20 targets, their measures and agencies', async () => {
    await openPlan();
    expect(await h.page.locator('section[data-testid^="goal-"]').count()).toBe(6);
    expect(await h.page.locator('tr[data-testid^="target-"]').count()).toBe(20);

    const t11 = h.page.getByTestId('target-1.1');
    expect(await t11.innerText()).toContain('≥ 75% vào năm 2030');
    expect(await texts(t11.getByTestId('target-lead').getByRole('link'))).toEqual(['Sở Nội vụ']);

    const t32 = h.page.getByTestId('target-3.2');
    expect(await texts(t32.getByTestId('measure'))).toEqual([
      expect.stringContaining('≥ 90% vào năm 2030'),
      expect.stringContaining('≥ 70% vào năm 2030'),
    ]);
    expect(await texts(t32.getByTestId('target-coordinate').getByRole('link'))).toEqual([
      'Sở Tư pháp',
      'Sở Y tế',
      'Công an tỉnh',
    ]);

    await h.page.getByRole('heading', { name: 'Thực hiện kế hoạch' }).waitFor();
    await h.page.getByRole('heading', { name: 'Kế hoạch thực hiện' }).waitFor();
    await h.page.getByRole('heading', { name: 'Nhiệm vụ, giải pháp' }).waitFor();
  });

  it('opens an agency from a target and lists the targets it leads and coordinates', async () => {
    await openPlan();
    await h.page
      .getByTestId('target-3.2')
      .getByTestId('target-coordinate')
      .getByRole('link', { name: 'Sở Y tế' })
      .click();
    await h.page.waitForURL('**/org-units/20-SYT');
    await h.page.getByRole('heading', { level: 1, name: 'Sở Y tế' }).waitFor();
    await h.page.getByTestId('assignment-lead').first().waitFor();

    const codes = (role: string) =>
      texts(h.page.getByTestId(`assignment-${role}`).getByTestId('assignment-target-code'));
    expect(await codes('lead')).toEqual(['3.3', '3.4', '4.1', '4.2', '4.3', '4.4']);
    expect(await codes('coordinate')).toEqual(['3.2']);
    expect(await h.page.getByTestId('assignment-coordinate').innerText()).toContain('≥ 90% vào năm 2030');
    // The breadcrumb leads back to the province.
    await h.page.getByTestId('breadcrumb').getByRole('link', { name: 'Lạng Sơn', exact: true }).waitFor();
  });

  it('finds Lạng Sơn when typing "lang son" without diacritics', async () => {
    await h.page.goto(`${h.url}/org-units`);
    await h.page.getByTestId('org-province').filter({ hasText: 'Lạng Sơn' }).waitFor();
    expect(await h.page.getByTestId('org-province').count()).toBe(34);

    await h.page.getByTestId('org-search').fill('lang son');
    const result = h.page
      .getByTestId('org-result')
      .filter({ has: h.page.getByRole('link', { name: 'Lạng Sơn', exact: true }) });
    await result.waitFor();
    expect(await text(result)).toContain('Tỉnh/Thành phố');

    await result.getByRole('link', { name: 'Lạng Sơn', exact: true }).click();
    await h.page.waitForURL('**/org-units/20');
    await h.page.getByRole('heading', { level: 1, name: 'Lạng Sơn' }).waitFor();
  });

  it('switches the labels to English and remembers the choice', async () => {
    await openPlan();
    await h.page.getByRole('columnheader', { name: 'Chỉ tiêu' }).first().waitFor();

    await h.page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
    await h.page.getByRole('columnheader', { name: 'Targets' }).first().waitFor();
    await h.page.getByRole('columnheader', { name: 'Lead' }).first().waitFor();
    expect(await h.page.locator('html').getAttribute('lang')).toBe('en');
    expect(await text(h.page.getByTestId('demo-badge').first())).toBe('Demo data');
    expect(await h.page.getByTestId('target-1.1').innerText()).toContain('≥ 75% by 2030');
    // Data stays as stored.
    expect(await h.page.getByTestId('target-1.1').getByTestId('target-lead').innerText()).toContain(
      'Sở Nội vụ',
    );

    await h.page.reload();
    await h.page.getByRole('columnheader', { name: 'Targets' }).first().waitFor();
    expect(await h.page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('says "Không tìm thấy" for a plan or unit that does not exist', async () => {
    await h.page.goto(`${h.url}/plans/00000000-0000-4000-8000-000000000000`);
    await h.page.getByRole('heading', { name: 'Không tìm thấy' }).waitFor();
    await h.page.goto(`${h.url}/org-units/khong-co`);
    await h.page.getByRole('heading', { name: 'Không tìm thấy' }).waitFor();
  });
});
