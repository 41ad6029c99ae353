import { describe, expect, it } from 'vitest';
import { useBrowserHarness, text } from './harness.js';
import { DEMO_PASSWORD, signIn, signOut } from './session.js';

const h = useBrowserHarness();

describe('accounts in the web app', () => {
  it('lists the demo accounts on the login page, refuses a wrong password in Vietnamese, and signs in', async () => {
    // A page that needs an account sends the visitor to the login page.
    await h.page.goto(`${h.url}/audit`);
    await h.page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/audit');

    const accounts = h.page.getByTestId('demo-account');
    await accounts.first().waitFor();
    expect(await text(h.page.getByTestId('demo-accounts'))).toContain('Tài khoản minh họa (demo)');
    expect(await text(h.page.getByTestId('demo-password'))).toBe(DEMO_PASSWORD);
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
    await h.page.getByTestId('login-username').fill('snv.langson');
    await h.page.getByTestId('login-password').fill('sai-mat-khau-roi');
    await h.page.getByTestId('login-submit').click();
    const error = h.page.getByTestId('login-error');
    await error.waitFor();
    expect(await text(error)).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(new URL(h.page.url()).pathname).toBe('/login');

    // The demo account's button fills the form; signing in goes back to the audit trail.
    await coordinator.getByTestId('demo-account-use').click();
    expect(await h.page.getByTestId('login-username').inputValue()).toBe('snv.langson');
    expect(await h.page.getByTestId('login-password').inputValue()).toBe(DEMO_PASSWORD);
    await h.page.getByTestId('login-submit').click();
    await h.page.waitForURL('**/audit');
    expect(await text(h.page.getByTestId('user-name'))).toBe('Điều phối viên Sở Nội vụ Lạng Sơn (demo)');
    await h.page.getByTestId('audit-table').waitFor();
  });

  it('changes the password: Vietnamese messages for a wrong current or a weak new one, then the new one works', async () => {
    await signIn(h.page, h.url, 'xem.langson');
    await h.page.getByTestId('user-menu').click();
    await h.page.getByTestId('menu-account').click();
    await h.page.waitForURL('**/account');
    await h.page.getByTestId('password-current').waitFor();
    expect(await text(h.page.locator('main'))).toContain('Chỉ xem');

    const change = async (current: string, next: string, confirm = next) => {
      await h.page.getByTestId('password-current').fill(current);
      await h.page.getByTestId('password-new').fill(next);
      await h.page.getByTestId('password-confirm').fill(confirm);
      await h.page.getByTestId('password-submit').click();
    };
    await change('khong-dung-mat-khau', 'mat-khau-moi-2026');
    await h.page.getByText('Mật khẩu hiện tại không đúng').waitFor();
    await change(DEMO_PASSWORD, 'ngan');
    await h.page.getByText('Mật khẩu: cần ít nhất 10 ký tự').waitFor();
    await change(DEMO_PASSWORD, 'mat-khau-moi-2026', 'mat-khau-khac-2026');
    await h.page.getByText('Mật khẩu nhập lại không khớp').waitFor();
    await change(DEMO_PASSWORD, 'mat-khau-moi-2026');
    await h.page.getByTestId('password-changed').waitFor();

    await signOut(h.page);
    await signIn(h.page, h.url, 'xem.langson', { password: 'mat-khau-moi-2026' });
  });

  it('lets a coordinator create an account with a role over a unit; the audit trail records it', async () => {
    await signIn(h.page, h.url, 'snv.langson', { from: '/admin/users' });
    await h.page.getByTestId('user-row-baocao.dongkinh').waitFor();
    // Coordinators and admins see the Users and Audit entries in the navigation.
    await h.page.getByRole('link', { name: 'Nhật ký thay đổi' }).waitFor();

    await h.page.getByTestId('user-create').click();
    await h.page.getByTestId('user-username').fill('baocao.tamthanh');
    await h.page.getByTestId('user-display-name').fill('Cán bộ báo cáo phường Tam Thanh');
    await h.page.getByTestId('user-password').fill('tam-thanh-2026');
    await h.page.getByTestId('user-unit').click();
    await h.page.getByTestId('user-unit').fill('Tam Thanh');
    await h.page.getByRole('option', { name: 'Tam Thanh (05986)' }).click();
    await h.page.getByTestId('user-create-submit').click();
    await h.page.getByTestId('user-created').waitFor();
    const created = h.page.getByTestId('user-row-baocao.tamthanh');
    await created.waitFor();
    expect(await text(created)).toContain('Báo cáo');
    expect(await text(created)).toContain('Tam Thanh');

    // The audit trail, filtered to account creation.
    await h.page.getByRole('link', { name: 'Nhật ký thay đổi' }).click();
    await h.page.waitForURL('**/audit');
    await h.page.getByTestId('audit-table').waitFor();
    await h.page.getByTestId('audit-action').click();
    await h.page.getByRole('option', { name: 'Tạo tài khoản' }).click();
    await h.page.waitForURL((url) => url.searchParams.get('action') === 'user.create');
    const first = h.page.getByTestId('audit-row').first();
    await h.page.locator('[data-testid="audit-row"]:not([data-action="user.create"])').first().waitFor({
      state: 'detached',
    });
    expect(await first.getAttribute('data-action')).toBe('user.create');
    expect(await text(first)).toContain('snv.langson');
    expect(await text(first)).toContain('baocao.tamthanh');
  });

  it('keeps the audit trail and the users page from roles that may not see them', async () => {
    await signIn(h.page, h.url, 'baocao.dongkinh', { from: '/audit' });
    await h.page.getByTestId('forbidden').waitFor();
    expect(await text(h.page.getByTestId('forbidden'))).toContain('Chỉ điều phối viên và quản trị viên');
    expect(await h.page.getByRole('link', { name: 'Nhật ký thay đổi' }).count()).toBe(0);
  });
});
