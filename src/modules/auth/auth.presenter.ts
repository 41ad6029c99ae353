import type { Actor } from '../../core/actor.js';
import type { RoleGrant } from '../../domain/permissions.js';
import type { UserRow } from './auth.repository.js';

/** The session as the web app sees it: who is signed in and the token its writes must send back. */
export const presentSession = (a: Actor | null) =>
  a
    ? {
        user: { id: a.userId, username: a.username, displayName: a.displayName, grants: a.grants },
        csrfToken: a.csrfToken,
      }
    : { user: null, csrfToken: null };

export const presentUser = (u: { user: UserRow; grants: RoleGrant[] }) => ({
  id: u.user.id,
  username: u.user.username,
  displayName: u.user.displayName,
  active: u.user.active,
  isDemo: u.user.isDemo,
  grants: u.grants,
});

export const presentDemoAccount = (u: { user: UserRow; grants: RoleGrant[] }) => ({
  username: u.user.username,
  displayName: u.user.displayName,
  grants: u.grants,
});
