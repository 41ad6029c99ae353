import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

// The server serves the built app; `npm test` builds it first (`npx vite build`).
const WEB_INDEX = path.resolve(import.meta.dirname, '../../dist/web/index.html');

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let planId: string;
let pageErrors: string[];

beforeAll(async () => {
  if (!fs.existsSync(WEB_INDEX)) throw new Error('dist/web is missing: run `npx vite build` first');
  [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
  const res = await fetch(`${server.url}/api/plans`);
  const body = (await res.json()) as { items: { id: string; isDemo: boolean }[] };
  const demo = body.items.find((p) => p.isDemo);
  if (!demo) throw new Error('the demo plan was not loaded');
  planId = demo.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  // A fresh context per test: no language choice or cache carried over.
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
});

afterEach(async () => {
  await context?.close();
  // An uncaught exception in the app fails the test even when the page happened to look right.
  expect(pageErrors).toEqual([]);
});

async function openPlan(): Promise<void> {
  await page.goto(`${server.url}/plans/${planId}`);
  await page.getByTestId('target-6.4').waitFor();
}

type Locator = ReturnType<Page['locator']>;
// textContent, not innerText: badges are upper-cased by CSS, the words themselves are not.
const text = async (locator: Locator) => (await locator.textContent()) ?? '';
const texts = async (locator: Locator) => (await locator.allTextContents()).map((s) => s.trim());

describe('web app', () => {
  it('lists the demo plan with its demo badge and opens it', async () => {
    await page.goto(`${server.url}/`);
    const row = page.getByTestId('plan-row').filter({ hasText: 'Chiến lược quốc gia về bình đẳng giới' });
    await row.waitFor();
    expect(await text(row.getByTestId('demo-badge'))).toMatch(/dữ liệu minh họa/i);
    const rowText = await text(row);
    expect(rowText).toContain('Số: …/KH-UBND');
    expect(rowText).toContain('UBND tỉnh Lạng Sơn');
    expect(rowText).toContain('tháng 4/2026');
    expect(rowText).toContain('2026–2030');
    expect(rowText).toContain('6 mục tiêu');
    expect(rowText).toContain('20 chỉ tiêu');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');

    await row.getByRole('link', { name: /Thực hiện Chiến lược quốc gia/ }).click();
    await page.waitForURL(`**/plans/${planId}`);
    await page.getByRole('heading', { level: 1, name: /Chiến lược quốc gia về bình đẳng giới/ }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Dữ liệu minh họa' }).waitFor();
  });

  it('shows the plan: 6 goals, 20 targets, their measures and agencies', async () => {
    await openPlan();
    expect(await page.locator('section[data-testid^="goal-"]').count()).toBe(6);
    expect(await page.locator('tr[data-testid^="target-"]').count()).toBe(20);

    const t11 = page.getByTestId('target-1.1');
    expect(await t11.innerText()).toContain('≥ 75% vào năm 2030');
    expect(await texts(t11.getByTestId('target-lead').getByRole('link'))).toEqual(['Sở Nội vụ']);

    const t32 = page.getByTestId('target-3.2');
    expect(await texts(t32.getByTestId('measure'))).toEqual([
      expect.stringContaining('≥ 90% vào năm 2030'),
      expect.stringContaining('≥ 70% vào năm 2030'),
    ]);
    expect(await texts(t32.getByTestId('target-coordinate').getByRole('link'))).toEqual([
      'Sở Tư pháp',
      'Sở Y tế',
      'Công an tỉnh',
    ]);

    await page.getByRole('heading', { name: 'Thực hiện kế hoạch' }).waitFor();
    await page.getByRole('heading', { name: 'Kế hoạch thực hiện' }).waitFor();
    await page.getByRole('heading', { name: 'Nhiệm vụ, giải pháp' }).waitFor();
  });

  it('opens an agency from a target and lists the targets it leads and coordinates', async () => {
    await openPlan();
    await page
      .getByTestId('target-3.2')
      .getByTestId('target-coordinate')
      .getByRole('link', { name: 'Sở Y tế' })
      .click();
    await page.waitForURL('**/org-units/20-SYT');
    await page.getByRole('heading', { level: 1, name: 'Sở Y tế' }).waitFor();
    await page.getByTestId('assignment-lead').first().waitFor();

    const codes = (role: string) =>
      texts(page.getByTestId(`assignment-${role}`).getByTestId('assignment-target-code'));
    expect(await codes('lead')).toEqual(['3.3', '3.4', '4.1', '4.2', '4.3', '4.4']);
    expect(await codes('coordinate')).toEqual(['3.2']);
    expect(await page.getByTestId('assignment-coordinate').innerText()).toContain('≥ 90% vào năm 2030');
    // The breadcrumb leads back to the province.
    await page.getByTestId('breadcrumb').getByRole('link', { name: 'Lạng Sơn', exact: true }).waitFor();
  });

  it('finds Lạng Sơn when typing "lang son" without diacritics', async () => {
    await page.goto(`${server.url}/org-units`);
    await page.getByTestId('org-province').filter({ hasText: 'Lạng Sơn' }).waitFor();
    expect(await page.getByTestId('org-province').count()).toBe(34);

    await page.getByTestId('org-search').fill('lang son');
    const result = page
      .getByTestId('org-result')
      .filter({ has: page.getByRole('link', { name: 'Lạng Sơn', exact: true }) });
    await result.waitFor();
    expect(await text(result)).toContain('Tỉnh/Thành phố');

    await result.getByRole('link', { name: 'Lạng Sơn', exact: true }).click();
    await page.waitForURL('**/org-units/20');
    await page.getByRole('heading', { level: 1, name: 'Lạng Sơn' }).waitFor();
  });

  it('switches the labels to English and remembers the choice', async () => {
    await openPlan();
    await page.getByRole('columnheader', { name: 'Chỉ tiêu' }).first().waitFor();

    await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
    await page.getByRole('columnheader', { name: 'Targets' }).first().waitFor();
    await page.getByRole('columnheader', { name: 'Lead' }).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await text(page.getByTestId('demo-badge').first())).toBe('Demo data');
    expect(await page.getByTestId('target-1.1').innerText()).toContain('≥ 75% by 2030');
    // Data stays as stored.
    expect(await page.getByTestId('target-1.1').getByTestId('target-lead').innerText()).toContain(
      'Sở Nội vụ',
    );

    await page.reload();
    await page.getByRole('columnheader', { name: 'Targets' }).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('says "Không tìm thấy" for a plan or unit that does not exist', async () => {
    await page.goto(`${server.url}/plans/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'Không tìm thấy' }).waitFor();
    await page.goto(`${server.url}/org-units/khong-co`);
    await page.getByRole('heading', { name: 'Không tìm thấy' }).waitFor();
  });
});
