import type { Actor } from '../../core/actor.js';
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { lockDurationMs, passwordProblem } from '../../domain/login-throttle.js';
import { can, type RoleGrant } from '../../domain/permissions.js';
import { AppError } from '../../core/errors.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.repository.js';
import { findAncestors, findAncestries } from '../org-units/org-units.repository.js';
import { NATION_CODE } from '../../db/reference/reference-data.js';
import {
  clearLoginThrottle,
  deleteSession,
  deleteSessionsOfUser,
  extendSession,
  findGrants,
  findLiveSession,
  findLoginThrottle,
  findUserById,
  findUserByUsername,
  insertSession,
  insertUser,
  listUsersWithGrants,
  recordLoginFailure,
  setPasswordHash,
} from './auth.repository.js';

/** The one password of every demo account (demo mode lists it on the sign-in page). */
export const DEMO_PASSWORD = 'demo-binhdang-2026';

export interface AuthDeps {
  db: Database;
  now: Clock;
  /** Demo accounts may sign in only in demo mode; off unless the caller says so. */
  demoMode?: boolean;
}

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

// 2 = Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const ARGON2 = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

const hashPassword = (password: string) => hash(password, ARGON2);

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** A hash to verify against when the user does not exist, so both answers take as long. */
let dummyHash: Promise<string> | null = null;

/** Failure counts of (username, client) pairs idle this long are forgotten. */
const FORGET_FAILURES_MS = 24 * 60 * 60 * 1000;

/**
 * Checks a password. Failures grow a wait before the next try, counted per (username as typed, client address):
 * someone guessing from one address never locks the right password out at another. Unknown usernames are
 * counted and answered exactly like known ones, so the answers do not tell whether an account exists. Demo
 * accounts sign in only when the instance runs in demo mode.
 */
export async function login(
  deps: AuthDeps,
  username: string,
  password: string,
  client: string,
): Promise<{ token: string; actor: Actor }> {
  const key = { username: username.trim().toLowerCase(), client };
  const now = deps.now();
  const throttle = await findLoginThrottle(deps.db, key.username, key.client);
  if (throttle?.blockedUntil && throttle.blockedUntil > now) {
    const seconds = Math.ceil((throttle.blockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('TOO_MANY_ATTEMPTS', `Đăng nhập sai nhiều lần: thử lại sau ${seconds} giây`);
  }
  const found = await findUserByUsername(deps.db, key.username);
  // Outside demo mode a demo account is as good as absent (it must never open a production instance).
  const user = found && (!found.isDemo || deps.demoMode) ? found : undefined;
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  const ok = await verify(user?.passwordHash ?? (await dummyHash), password).catch(() => false);
  if (!user || !ok || !user.active) {
    await deps.db.transaction(async (tx) => {
      const failures = await recordLoginFailure(tx, key, now, lockDurationMs, FORGET_FAILURES_MS);
      await recordAudit(
        tx,
        user ? { userId: user.id, username: user.username } : SYSTEM_ACTOR,
        {
          action: 'login.failed',
          entity: 'user',
          entityId: user?.id ?? null,
          after: { username: key.username, client, failures },
        },
        now,
      );
    });
    throw new AppError('UNAUTHENTICATED', 'Tên đăng nhập hoặc mật khẩu không đúng');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const tokenHash = sha256(token);
  await deps.db.transaction(async (tx) => {
    await clearLoginThrottle(tx, key.username, key.client);
    await insertSession(tx, {
      tokenHash,
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    });
    await recordAudit(
      tx,
      { userId: user.id, username: user.username },
      { action: 'login', entity: 'session', entityId: user.id },
      now,
    );
  });
  const grants = await findGrants(deps.db, user.id);
  return {
    token,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      grants,
      csrfToken,
      tokenHash,
    },
  };
}

/** The actor behind a session cookie, or null; a live session slides its expiry forward. */
export async function actorFromToken(deps: AuthDeps, token: string | undefined): Promise<Actor | null> {
  if (!token) return null;
  const tokenHash = sha256(token);
  const now = deps.now();
  const found = await findLiveSession(deps.db, tokenHash, now);
  if (!found || (found.user.isDemo && !deps.demoMode)) return null;
  // Extend at most every few minutes: a read should not write on every request.
  if (found.session.expiresAt.getTime() - now.getTime() < SESSION_TTL_MS - 5 * 60 * 1000) {
    await extendSession(deps.db, tokenHash, now, new Date(now.getTime() + SESSION_TTL_MS));
  }
  const grants = await findGrants(deps.db, found.user.id);
  return {
    userId: found.user.id,
    username: found.user.username,
    displayName: found.user.displayName,
    grants,
    csrfToken: found.session.csrfToken,
    tokenHash,
  };
}

export async function logout(deps: AuthDeps, actor: Actor): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await deleteSession(tx, actor.tokenHash);
    await recordAudit(tx, actor, { action: 'logout', entity: 'session', entityId: actor.userId }, deps.now());
  });
}

export async function changePassword(
  deps: AuthDeps,
  actor: Actor,
  current: string,
  next: string,
): Promise<void> {
  const user = await findUserById(deps.db, actor.userId);
  if (!user || !(await verify(user.passwordHash, current).catch(() => false))) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng', [
      { path: '$.body.currentPassword', message: 'Mật khẩu hiện tại không đúng' },
    ]);
  }
  const problem = passwordProblem(next, user.username);
  if (problem)
    throw new AppError('VALIDATION_FAILED', problem, [{ path: '$.body.newPassword', message: problem }]);
  const passwordHash = await hashPassword(next);
  await deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash);
    // Other sessions of this user end: a changed password must lock out whoever knew the old one.
    await deleteSessionsOfUser(tx, user.id, actor.tokenHash);
    await recordAudit(
      tx,
      actor,
      { action: 'password.change', entity: 'user', entityId: user.id },
      deps.now(),
    );
  });
}

/** Ancestry of a unit, the unit first, for permission checks. */
export async function ancestryOf(db: Database, code: string): Promise<string[]> {
  const ancestors = await findAncestors(db, code);
  return [code, ...ancestors.map((a) => a.code).reverse()];
}

/**
 * Creates an account. An admin may grant anything; a coordinator only roles over units inside its own scope,
 * and never admin.
 */
export async function createUser(
  deps: AuthDeps,
  actor: Actor | null,
  input: { username: string; displayName: string; password: string; grants: RoleGrant[]; isDemo?: boolean },
): Promise<string> {
  if (actor) {
    for (const g of input.grants) {
      const ancestry = await ancestryOf(deps.db, g.orgUnitCode);
      const isAdmin = actor.grants.some((a) => a.role === 'admin' && ancestry.includes(a.orgUnitCode));
      if ((g.role === 'admin' && !isAdmin) || !can(actor.grants, 'user.manage', ancestry)) {
        throw new AppError('FORBIDDEN', `Không có quyền cấp vai trò ${g.role} tại đơn vị ${g.orgUnitCode}`);
      }
    }
  }
  const problem = passwordProblem(input.password, input.username);
  if (problem)
    throw new AppError('VALIDATION_FAILED', problem, [{ path: '$.body.password', message: problem }]);
  if (!/^[a-z0-9._-]{3,40}$/.test(input.username.trim().toLowerCase())) {
    const message = 'Tên đăng nhập: 3–40 ký tự a-z, 0-9, dấu chấm, gạch ngang, gạch dưới';
    throw new AppError('VALIDATION_FAILED', message, [{ path: '$.body.username', message }]);
  }
  if (await findUserByUsername(deps.db, input.username)) {
    const message = `Tên đăng nhập "${input.username}" đã có`;
    throw new AppError('CONFLICT', message, [{ path: '$.body.username', message }]);
  }
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const user = await insertUser(
      tx,
      {
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        isDemo: input.isDemo ?? false,
        createdBy: actor?.userId ?? null,
        createdAt: now,
      },
      input.grants,
    );
    await recordAudit(
      tx,
      actor ?? { userId: null, username: 'system' },
      {
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        orgUnitCode: input.grants[0]?.orgUnitCode ?? null,
        after: { username: user.username, displayName: user.displayName, grants: input.grants },
      },
      now,
    );
    return user.id;
  });
}

/** Of `codes`, the units where the actor may read what is not public; one query however many codes. */
export async function readableUnits(
  db: Database,
  actor: Actor | null,
  codes: readonly string[],
): Promise<Set<string>> {
  if (!actor || codes.length === 0) return new Set();
  const ancestries = await findAncestries(db, codes);
  return new Set(
    [...ancestries].filter(([, ancestry]) => can(actor.grants, 'unit.read', ancestry)).map(([c]) => c),
  );
}

/** True when the actor may read what is not public at the unit (drafts, pending figures, unpublished plans). */
export async function canReadUnit(db: Database, actor: Actor | null, code: string | null): Promise<boolean> {
  if (!actor) return false;
  return can(actor.grants, 'unit.read', await ancestryOf(db, code ?? NATION_CODE));
}

/** The demo accounts and their one password, in demo mode only (otherwise 404: there are none to show). */
export async function demoAccounts(deps: AuthDeps) {
  if (!deps.demoMode) throw new AppError('NOT_FOUND', 'Chế độ minh họa (demo) đang tắt / demo mode is off');
  const demo = (await listUsersWithGrants(deps.db)).filter((u) => u.user.isDemo);
  return { password: demo.length > 0 ? DEMO_PASSWORD : null, accounts: demo };
}

/** The accounts an actor sees: their own, and every one holding a role over a unit the actor manages users in. */
export async function manageableUsers(deps: Pick<AuthDeps, 'db'>, actor: Actor) {
  const all = await listUsersWithGrants(deps.db);
  const ancestries = await findAncestries(
    deps.db,
    all.flatMap((u) => u.grants.map((g) => g.orgUnitCode)),
  );
  return all.filter(
    (u) =>
      u.user.id === actor.userId ||
      u.grants.some((g) => can(actor.grants, 'user.manage', ancestries.get(g.orgUnitCode)!)),
  );
}
