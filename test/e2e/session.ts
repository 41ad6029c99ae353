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

/** Requests of a session opened beside the browser, as the test's own: JSON in, the raw response out. */
export interface ApiSession {
  get: (path: string) => Promise<unknown>;
  post: (path: string, body: unknown) => Promise<Response>;
  patch: (path: string, body: unknown) => Promise<Response>;
}

/**
 * A session for requests from the test itself (another person working at the same time, or the same user in
 * a second tab): `username` signs in with `password`, the demo accounts' one when not given.
 */
export async function apiSession(
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const send = (method: 'POST' | 'PATCH') => (path: string, body: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
  return {
    get: async (path) =>
      (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).json() as Promise<unknown>,
    post: send('POST'),
    patch: send('PATCH'),
  };
}
