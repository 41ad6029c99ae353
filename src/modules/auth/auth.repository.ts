import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.js';
import { loginThrottles, roleGrants, sessions, users } from '../../db/schema.js';
import type { RoleGrant } from '../../domain/permissions.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findGrants(db: Executor, userId: string): Promise<RoleGrant[]> {
  return db
    .select({ role: roleGrants.role, orgUnitCode: roleGrants.orgUnitCode })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId));
}

export async function insertUser(
  db: Executor,
  user: {
    username: string;
    displayName: string;
    passwordHash: string;
    isDemo?: boolean;
    createdBy?: string | null;
    createdAt: Date;
  },
  grants: readonly RoleGrant[],
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ ...user, username: user.username.trim().toLowerCase() })
    .returning();
  if (grants.length > 0) await db.insert(roleGrants).values(grants.map((g) => ({ ...g, userId: row!.id })));
  return row!;
}

/** Sets a user's password hash; the row's version moves on (computed by the database). */
export async function setPasswordHash(db: Executor, id: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, version: sql`${users.version} + 1` })
    .where(eq(users.id, id));
}

export async function insertSession(db: Executor, s: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(s);
}

export async function findLiveSession(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)));
  return row;
}

export async function extendSession(
  db: Executor,
  tokenHash: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Executor, userId: string, except?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), except ? sql`${sessions.tokenHash} <> ${except}` : sql`true`));
}

export async function listUsersWithGrants(db: Executor) {
  const rows = await db.select().from(users).orderBy(users.username);
  const grants = await db.select().from(roleGrants);
  return rows.map((u) => ({
    user: u,
    grants: grants
      .filter((g) => g.userId === u.id)
      .map((g) => ({ role: g.role, orgUnitCode: g.orgUnitCode })),
  }));
}

type LoginThrottleRow = typeof loginThrottles.$inferSelect;

export async function findLoginThrottle(
  db: Executor,
  username: string,
  client: string,
): Promise<LoginThrottleRow | undefined> {
  const [row] = await db
    .select()
    .from(loginThrottles)
    .where(and(eq(loginThrottles.username, username), eq(loginThrottles.client, client)));
  return row;
}

/**
 * Counts one more failure for (username, client) atomically, so parallel wrong guesses each count, and sets the
 * wait that `delayMs(failures)` gives; returns the new count. Pairs idle for `forgetAfterMs` are forgotten.
 */
export async function recordLoginFailure(
  db: Executor,
  key: { username: string; client: string },
  now: Date,
  delayMs: (failures: number) => number,
  forgetAfterMs: number,
): Promise<number> {
  await db
    .delete(loginThrottles)
    .where(lt(loginThrottles.lastFailureAt, new Date(now.getTime() - forgetAfterMs)));
  const [row] = await db
    .insert(loginThrottles)
    .values({ ...key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: [loginThrottles.username, loginThrottles.client],
      set: { failures: sql`${loginThrottles.failures} + 1`, lastFailureAt: now },
    })
    .returning({ failures: loginThrottles.failures });
  const failures = row!.failures;
  const wait = delayMs(failures);
  await db
    .update(loginThrottles)
    .set({ blockedUntil: wait ? new Date(now.getTime() + wait) : null })
    .where(and(eq(loginThrottles.username, key.username), eq(loginThrottles.client, key.client)));
  return failures;
}

export async function clearLoginThrottle(db: Executor, username: string, client: string): Promise<void> {
  await db
    .delete(loginThrottles)
    .where(and(eq(loginThrottles.username, username), eq(loginThrottles.client, client)));
}

export async function hasAnyUser(db: Executor): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return row !== undefined;
}
