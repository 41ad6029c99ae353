/** The signed-in user in the web app: the session query, signing in and out, and what the user's roles allow. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { can, type Action } from '../domain/permissions';
import {
  login,
  logout,
  queries,
  sessionKeys,
  setCsrfToken,
  type Role,
  type RoleGrant,
  type Session,
  type SessionUser,
} from './api';

/**
 * The current session (GET /api/auth/session). `user` is null when signed out; `isPending` until the first
 * answer. The api client sends the session's CSRF token with every write.
 */
export function useSession(): {
  user: SessionUser | null;
  /** The page where the user just signed out in this tab (not set when the session ended by itself). */
  signedOutFrom: string | null;
  isPending: boolean;
  error: Error | null;
} {
  const { data, isPending, error } = useQuery(queries.session());
  return { user: data?.user ?? null, signedOutFrom: data?.signedOutFrom ?? null, isPending, error };
}

/** Everything cached so far was fetched as somebody else (or nobody): fetch it again as the new session. */
function startSession(client: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  client.setQueryData(queries.session().queryKey, session);
  void client.resetQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.all[0] });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => login(input.username, input.password),
    onSuccess: (session) => startSession(client, session),
  });
}

/** Signs out; `from` is the current page (a page that needs an account then leads home, not to the login page). */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (_from: string) => logout(),
    // Signed out locally even when the server could not be told (the session may already have expired).
    onSettled: (_data, _error, from) =>
      startSession(client, { user: null, csrfToken: null, signedOutFrom: from }),
  });
}

/** A unit's codes from itself up to the nation, as `can` expects them. */
export function ancestryOf(unit: { code: string; ancestors: readonly { code: string }[] }): string[] {
  return [unit.code, ...unit.ancestors.map((a) => a.code).reverse()];
}

/** Whether the grants allow `action` at the unit whose ancestry is given (the server decides in the end). */
export function allows(
  grants: readonly RoleGrant[] | undefined,
  action: Action,
  ancestry: readonly string[],
) {
  return grants ? can(grants, action, ancestry) : false;
}

/** Whether the signed-in user may record the unit's figures and work (the form is offered; the server decides). */
export function useMayWriteFor(unit: { code: string; ancestors: readonly { code: string }[] }): boolean {
  const { user } = useSession();
  return allows(user?.grants, 'observation.write', ancestryOf(unit));
}

/** Units where the user holds one of the roles. */
export function unitsWithRole(user: SessionUser | null, roles: readonly Role[]): string[] {
  if (!user) return [];
  return [...new Set(user.grants.filter((g) => roles.includes(g.role)).map((g) => g.orgUnitCode))];
}

/** Coordinators and admins manage accounts and read the audit trail. */
export const MANAGER_ROLES: readonly Role[] = ['admin', 'coordinator'];

export function isManager(user: SessionUser | null): boolean {
  return unitsWithRole(user, MANAGER_ROLES).length > 0;
}

/** A `next` parameter is only followed inside the app: a path, never another site. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** The login page, coming back to `path` afterwards. */
export function loginPath(path: string): string {
  return path === '/' || path.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(path)}`;
}
