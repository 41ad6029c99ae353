import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DEMO_PASSWORD, signIn, signOut } from './session.js';

// The server serves the built app; `npm test` builds it first (`npx vite build`).
const WEB_INDEX = path.resolve(import.meta.dirname, '../../dist/web/index.html');

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  if (!fs.existsSync(WEB_INDEX)) throw new Error('dist/web is missing: run `npx vite build` first');
  [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
});

afterEach(async () => {
  await context?.close();
  expect(pageErrors).toEqual([]);
});

type Locator = ReturnType<Page['locator']>;
const text = async (locator: Locator) => (await locator.textContent()) ?? '';

describe('accounts in the web app', () => {
  it('lists the demo accounts on the login page, refuses a wrong password in Vietnamese, and signs in', async () => {
    // A page that needs an account sends the visitor to the login page.
    await page.goto(`${server.url}/audit`);
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/audit');

    const accounts = page.getByTestId('demo-account');
    await accounts.first().waitFor();
    expect(await text(page.getByTestId('demo-accounts'))).toContain('Tài khoản minh họa (demo)');
    expect(await text(page.getByTestId('demo-password'))).toBe(DEMO_PASSWORD);
    const usernames = await accounts.evaluateAll((els) => els.map((e) => e.getAttribute('data-username')));
    expect(usernames.sort()).toEqual(
      [
        'baocao.dongkinh',
        'baocao.thongke',
        'lanhdao.dongkinh',
        'lanhdao.thongke',
        'quantri',
        'snv.langson',
        'xem.langson',
      ].sort(),
    );
    const coordinator = accounts.filter({ hasText: 'snv.langson' });
    expect(await text(coordinator)).toContain('Điều phối');
    expect(await text(coordinator)).toContain('Lạng Sơn');

    // A wrong password: the Vietnamese message, and still on the login page.
    await page.getByTestId('login-username').fill('snv.langson');
    await page.getByTestId('login-password').fill('sai-mat-khau-roi');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await text(error)).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(new URL(page.url()).pathname).toBe('/login');

    // The demo account's button fills the form; signing in goes back to the audit trail.
    await coordinator.getByTestId('demo-account-use').click();
    expect(await page.getByTestId('login-username').inputValue()).toBe('snv.langson');
    expect(await page.getByTestId('login-password').inputValue()).toBe(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/audit');
    expect(await text(page.getByTestId('user-name'))).toBe('Điều phối viên Sở Nội vụ Lạng Sơn (demo)');
    await page.getByTestId('audit-table').waitFor();
  });

  it('changes the password: Vietnamese messages for a wrong current or a weak new one, then the new one works', async () => {
    await signIn(page, server.url, 'xem.langson');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-account').click();
    await page.waitForURL('**/account');
    await page.getByTestId('password-current').waitFor();
    expect(await text(page.locator('main'))).toContain('Chỉ xem');

    const change = async (current: string, next: string, confirm = next) => {
      await page.getByTestId('password-current').fill(current);
      await page.getByTestId('password-new').fill(next);
      await page.getByTestId('password-confirm').fill(confirm);
      await page.getByTestId('password-submit').click();
    };
    await change('khong-dung-mat-khau', 'mat-khau-moi-2026');
    await page.getByText('Mật khẩu hiện tại không đúng').waitFor();
    await change(DEMO_PASSWORD, 'ngan');
    await page.getByText('Mật khẩu: cần ít nhất 10 ký tự').waitFor();
    await change(DEMO_PASSWORD, 'mat-khau-moi-2026', 'mat-khau-khac-2026');
    await page.getByText('Mật khẩu nhập lại không khớp').waitFor();
    await change(DEMO_PASSWORD, 'mat-khau-moi-2026');
    await page.getByTestId('password-changed').waitFor();

    await signOut(page);
    await signIn(page, server.url, 'xem.langson', { password: 'mat-khau-moi-2026' });
  });

  it('lets a coordinator create an account with a role over a unit; the audit trail records it', async () => {
    await signIn(page, server.url, 'snv.langson', { from: '/admin/users' });
    await page.getByTestId('user-row-baocao.dongkinh').waitFor();
    // Coordinators and admins see the Users and Audit entries in the navigation.
    await page.getByRole('link', { name: 'Nhật ký thay đổi' }).waitFor();

    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill('baocao.tamthanh');
    await page.getByTestId('user-display-name').fill('Cán bộ báo cáo phường Tam Thanh');
    await page.getByTestId('user-password').fill('tam-thanh-2026');
    await page.getByTestId('user-unit').click();
    await page.getByTestId('user-unit').fill('Tam Thanh');
    await page.getByRole('option', { name: 'Tam Thanh (05986)' }).click();
    await page.getByTestId('user-create-submit').click();
    await page.getByTestId('user-created').waitFor();
    const created = page.getByTestId('user-row-baocao.tamthanh');
    await created.waitFor();
    expect(await text(created)).toContain('Báo cáo');
    expect(await text(created)).toContain('Tam Thanh');

    // The audit trail, filtered to account creation.
    await page.getByRole('link', { name: 'Nhật ký thay đổi' }).click();
    await page.waitForURL('**/audit');
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-action').click();
    await page.getByRole('option', { name: 'Tạo tài khoản' }).click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'user.create');
    const first = page.getByTestId('audit-row').first();
    await page.locator('[data-testid="audit-row"]:not([data-action="user.create"])').first().waitFor({
      state: 'detached',
    });
    expect(await first.getAttribute('data-action')).toBe('user.create');
    expect(await text(first)).toContain('snv.langson');
    expect(await text(first)).toContain('baocao.tamthanh');
  });

  it('keeps the audit trail and the users page from roles that may not see them', async () => {
    await signIn(page, server.url, 'baocao.dongkinh', { from: '/audit' });
    await page.getByTestId('forbidden').waitFor();
    expect(await text(page.getByTestId('forbidden'))).toContain('Chỉ điều phối viên và quản trị viên');
    expect(await page.getByRole('link', { name: 'Nhật ký thay đổi' }).count()).toBe(0);
  });
});
