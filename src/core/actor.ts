import type { FastifyRequest } from 'fastify';
import type { RoleGrant } from '../domain/permissions.js';
import { AppError } from './errors.js';

/** Who makes a request: the signed-in user, their grants and the session's tokens. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  grants: RoleGrant[];
  csrfToken: string;
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The actor of a request that a policy already required to be signed in. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Cần đăng nhập / sign in first');
  return req.actor;
}
