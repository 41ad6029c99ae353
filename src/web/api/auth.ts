/** Sessions, signing in and out, passwords and accounts. */
import { queryOptions } from '@tanstack/react-query';
import { api, getQuery, isNotFound, setCsrfToken, unwrap, type BodyOf, type ResponseOf } from './client';
import { demoAccountKeys, sessionKeys, userKeys } from './keys';

export type Session = ResponseOf<'/api/auth/session', 'get'> & {
  /** Set in the app (never by the server): the page where the user just signed out. */
  signedOutFrom?: string;
};
/** The signed-in user as /api/auth/session and /api/auth/login describe it. */
export type SessionUser = NonNullable<Session['user']>;
export type RoleGrant = SessionUser['grants'][number];
export type Role = RoleGrant['role'];
export type DemoAccounts = ResponseOf<'/api/auth/demo-accounts', 'get'>;
export type UserView = ResponseOf<'/api/users', 'get'>['items'][number];

async function fetchSession(signal: AbortSignal): Promise<Session> {
  const session = await unwrap(api.GET('/api/auth/session', { signal }));
  setCsrfToken(session.csrfToken);
  return session;
}

/** Signs in; throws ApiError 401 (wrong name or password) or 429 (too many tries, locked for a while). */
export async function login(username: string, password: string): Promise<Session> {
  const session = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await unwrap(api.POST('/api/auth/logout'));
  } finally {
    setCsrfToken(null);
  }
}

/** Throws ApiError 400 with issues at $.body.currentPassword or $.body.newPassword. */
export async function changePassword(body: BodyOf<'/api/auth/password', 'post'>): Promise<void> {
  await unwrap(api.POST('/api/auth/password', { body }));
}

/** Outside demo mode the server answers 404: no demo accounts to show. */
async function fetchDemoAccounts(signal: AbortSignal): Promise<DemoAccounts> {
  try {
    return await unwrap(api.GET('/api/auth/demo-accounts', { signal }));
  } catch (error) {
    if (isNotFound(error)) return { password: null, items: [] };
    throw error;
  }
}

export function createUser(body: BodyOf<'/api/users', 'post'>): Promise<ResponseOf<'/api/users', 'post'>> {
  return unwrap(api.POST('/api/users', { body }));
}

export const authQueries = {
  session: () =>
    queryOptions({
      queryKey: sessionKeys.all,
      queryFn: ({ signal }) => fetchSession(signal),
      staleTime: 5 * 60_000,
    }),
  demoAccounts: () =>
    queryOptions({
      queryKey: demoAccountKeys.all,
      queryFn: ({ signal }) => fetchDemoAccounts(signal),
      staleTime: 10 * 60_000,
    }),
  users: () => getQuery(userKeys.all, '/api/users'),
};
