import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import type { Database } from '../db/connection.js';
import { can, type Action } from '../domain/permissions.js';
import { actorFromToken, ancestryOf, type Actor } from '../modules/auth/auth.service.js';
import { AppError } from './errors.js';
import { findOrgUnit } from '../modules/org-units/org-units.repository.js';

export const SESSION_COOKIE = 'bd_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Every route declares who may call it (route `config.policy`); a route without one is refused.
 * - public: anyone (services may still narrow what an anonymous caller sees, e.g. published plans only);
 * - session: any signed-in user (services check rows themselves);
 * - action: signed-in, and allowed `action` on every unit that `units` finds in the request.
 */
export type RoutePolicy =
  | { access: 'public' }
  | { access: 'session' }
  | { access: 'action'; action: Action; units: (req: FastifyRequest) => string[] | Promise<string[]> };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that plugins register (OpenAPI UI) and the static web app are public. */
function isPluginRoute(url: string): boolean {
  return url.startsWith('/api/docs') || !url.startsWith('/api/');
}

export async function installAuth(
  app: FastifyInstance,
  deps: { db: Database; now: () => Date; demoMode?: boolean },
): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (req) => {
    req.actor = await actorFromToken(deps, req.cookies[SESSION_COOKIE]);
    const policy = req.routeOptions.config.policy;
    const url = req.routeOptions.url ?? req.url;
    if (!policy) {
      if (isPluginRoute(url) || req.is404) return;
      throw new AppError('FORBIDDEN', 'Tuyến này chưa khai báo quyền truy cập / route without a policy');
    }
    if (policy.access !== 'public' && !req.actor)
      throw new AppError('UNAUTHENTICATED', 'Cần đăng nhập / sign in first');
    // Cookie-authenticated writes must carry the session's CSRF token (a cross-site form cannot read it).
    if (req.actor && UNSAFE.has(req.method) && req.headers[CSRF_HEADER] !== req.actor.csrfToken) {
      throw new AppError('FORBIDDEN', 'Thiếu hoặc sai mã chống giả mạo (CSRF) / missing or wrong CSRF token');
    }
  });

  app.addHook('preHandler', async (req) => {
    const policy = req.routeOptions.config.policy;
    if (policy?.access !== 'action') return;
    const actor = req.actor!;
    for (const unit of new Set(await policy.units(req))) {
      const ancestry = await ancestryOf(deps.db, unit);
      // An unknown unit is the service's 400 to give (it never writes one); checking it here would say 403.
      if (ancestry.length === 1 && !(await findOrgUnit(deps.db, unit))) continue;
      if (!can(actor.grants, policy.action, ancestry)) {
        throw new AppError('FORBIDDEN', `Không có quyền ${policy.action} tại đơn vị ${unit} / not allowed`);
      }
    }
  });
}

/** The actor of a request that a policy already required to be signed in. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Cần đăng nhập / sign in first');
  return req.actor;
}
