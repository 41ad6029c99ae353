import type { Page } from 'playwright-core';

/** Every demo account's password (src/modules/auth/auth.routes.ts). */
export const DEMO_PASSWORD = 'demo-binhdang-2026';

/**
 * Signs in through the login form. With `from`, the app is opened there first: a page that needs an account
 * sends the visitor to /login?next=… and, once signed in, back to where they were going.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  opts: { from?: string; password?: string } = {},
): Promise<void> {
  if (opts.from) {
    await page.goto(`${baseUrl}${opts.from}`);
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === opts.from);
  } else {
    await page.goto(`${baseUrl}/login`);
  }
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(opts.password ?? DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  if (opts.from) await page.waitForURL((url) => url.pathname + url.search === opts.from);
}

/** Signs out from the header's user menu. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-link').waitFor();
}

/** A session for requests from the test itself (another person working at the same time). */
export async function apiSession(
  baseUrl: string,
  username: string,
): Promise<{ post: (path: string, body: unknown) => Promise<Response> }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    post: (path, body) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify(body),
      }),
  };
}
