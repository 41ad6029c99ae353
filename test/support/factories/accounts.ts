import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../../src/domain/permissions.js';
import { createUser } from '../../../src/modules/auth/auth.service.js';
import {
  expectStatus,
  factoryState,
  nextNumber,
  type AppUnderTest,
  type Session,
  type SessionHeaders,
} from './app.js';
import { provinceUnits } from './org-units.js';

/** The password of every account the factories make unless a test gives its own. */
export const TEST_PASSWORD = 'test-password-123';

export interface Grant {
  role: Role;
  unit: string;
}

export interface Account {
  username: string;
  password: string;
  userId: string;
}

/**
 * An account holding `role` over `unit` (and the `extra` grants), made through the accounts service as the
 * command line makes one. Needs a unit: without one, the account is over the next test province.
 */
export async function createAccount(
  t: AppUnderTest,
  spec: { role?: Role; unit?: string; extra?: Grant[]; username?: string; password?: string } = {},
): Promise<Account> {
  const role = spec.role ?? 'viewer';
  const unit = spec.unit ?? (await provinceUnits(t)).code;
  const username = spec.username ?? `nguoidung${nextNumber(t, 'account')}`;
  const password = spec.password ?? TEST_PASSWORD;
  const grants = [{ role, unit }, ...(spec.extra ?? [])];
  const userId = await createUser({ db: t.database.db, now: t.now }, null, {
    username,
    displayName: grants.map((g) => `${g.role} ${g.unit}`).join(', '),
    password,
    grants: grants.map((g) => ({ role: g.role, orgUnitCode: g.unit })),
  });
  return { username, password, userId };
}

/** Signs in through POST /api/auth/login; the headers of the new session. */
export async function logIn(t: AppUnderTest, username: string, password: string): Promise<SessionHeaders> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const { csrfToken } = expectStatus<{ csrfToken: string }>(res, 200, `login ${username}`);
  const cookie = res.cookies.find((c) => c.name === 'bd_session')!;
  return { cookie: `bd_session=${cookie.value}`, 'x-csrf-token': csrfToken };
}

/** A new user holding `role` over `unit` (and `extra` grants), signed in. */
export async function signInAs(
  t: AppUnderTest,
  role: Role,
  unit: string,
  extra: Grant[] = [],
): Promise<Session> {
  const account = await createAccount(t, { role, unit, extra });
  return { ...(await logIn(t, account.username, account.password)), userId: account.userId };
}

/**
 * Requests of the factories themselves, made by admins over the nation (who may act anywhere): `first` and, for
 * approving what the first one submitted, `second`. A session that has expired (a test moved its clock) is
 * opened again.
 */
export async function asAdmin(
  t: AppUnderTest,
  options: InjectOptions,
  which: 'first' | 'second' = 'first',
): Promise<LightMyRequestResponse> {
  const admin = factoryState(t, `admin:${which}`, () => ({
    account: null as Account | null,
    headers: null as SessionHeaders | null,
  }));
  admin.account ??= await createAccount(t, { role: 'admin', unit: 'VN', username: `quantri.${which}` });
  for (let attempt = 0; ; attempt++) {
    admin.headers ??= await logIn(t, admin.account.username, admin.account.password);
    const res = await t.app.inject({ ...options, headers: { ...options.headers, ...admin.headers } });
    if (res.statusCode !== 401 || attempt > 0) return res;
    admin.headers = null;
  }
}

/** A request made by `by`, or by an admin over the nation (as `asAdmin`) when not given. */
export async function requestAs(
  t: AppUnderTest,
  options: InjectOptions,
  by?: SessionHeaders,
): Promise<LightMyRequestResponse> {
  return by ? t.app.inject({ ...options, headers: { ...options.headers, ...by } }) : asAdmin(t, options);
}
