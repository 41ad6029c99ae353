import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import type { Database } from '../db/connection.js';
import { can, isAdminEverywhere, type Action } from '../domain/permissions.js';
import { NATION_CODE } from '../db/reference/reference-data.js';
import { actorFromToken, type Actor } from '../modules/auth/auth.service.js';
import { AppError } from './errors.js';
import { findAncestries, findOrgUnit } from '../modules/org-units/org-units.repository.js';

export const SESSION_COOKIE = 'bd_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Every route declares who may call it (route `config.policy`); a route without one is refused.
 * - public: anyone (services may still narrow what an anonymous caller sees, e.g. published plans only);
 * - session: any signed-in user (services check rows themselves);
 * - action: signed-in, and allowed `action` on the units that `units` finds in the request: on every one of them
 *   (`match: 'every'`, the default) or on at least one (`match: 'any'`).
 *
 * The check fails closed: when `units` finds no unit, names one it cannot read (null), or names a unit that does
 * not exist, only an admin over the whole country passes (the service then answers 400/404 as it would).
 * It runs before body validation (`preValidation`), so `units` reads the raw request: it must not trust field
 * types, and answers null for a unit it cannot read.
 */
export type RoutePolicy =
  | { access: 'public' }
  | { access: 'session' }
  | {
      access: 'action';
      action: Action;
      match?: 'every' | 'any';
      units: (req: FastifyRequest) => PolicyUnits | Promise<PolicyUnits>;
    };

/** The units a request touches, as a policy reads them; null stands for a unit the request names unreadably. */
export type PolicyUnits = readonly (string | null)[];

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

  // Before validation: a caller who may not act gets 403, not the endpoint's list of fields.
  app.addHook('preValidation', async (req) => {
    const policy = req.routeOptions.config.policy;
    if (policy?.access !== 'action') return;
    await authorize(deps.db, requireActor(req), policy, req);
  });
}

type ActionPolicy = Extract<RoutePolicy, { access: 'action' }>;

const refusal = (action: Action, unit: string) =>
  new AppError('FORBIDDEN', `Không có quyền ${action} tại đơn vị ${unit} / not allowed`);

/** Throws FORBIDDEN unless the actor may take the policy's action on the units the request touches. */
async function authorize(
  db: Database,
  actor: Actor,
  policy: ActionPolicy,
  req: FastifyRequest,
): Promise<void> {
  // An admin over the whole country covers every unit that exists; unknown ones are the service's 400/404.
  if (isAdminEverywhere(actor.grants, NATION_CODE)) return;
  const named = await policy.units(req);
  const codes = [...new Set(named.filter((u): u is string => typeof u === 'string' && u !== ''))];
  if (codes.length === 0 || (policy.match !== 'any' && named.some(unreadable))) {
    throw new AppError(
      'FORBIDDEN',
      `Không xác định được đơn vị của yêu cầu; chỉ quản trị viên toàn quốc được thực hiện ${policy.action} / ` +
        'the request names no unit that can be checked: admins only',
    );
  }
  const ancestries = await findAncestries(db, codes);
  const allowed = async (code: string) => {
    const ancestry = ancestries.get(code)!;
    // A code alone in its ancestry is either the nation or a unit that does not exist (covered by nobody).
    if (ancestry.length === 1 && code !== NATION_CODE && !(await findOrgUnit(db, code))) return false;
    return can(actor.grants, policy.action, ancestry);
  };
  if (policy.match === 'any') {
    for (const code of codes) if (await allowed(code)) return;
    throw refusal(policy.action, codes.join(', '));
  }
  for (const code of codes) if (!(await allowed(code))) throw refusal(policy.action, code);
}

const unreadable = (u: string | null) => typeof u !== 'string' || u === '';

/**
 * A non-empty string field of an unvalidated body, query or params, exactly as sent (not trimmed: the unit checked
 * must be the unit the service acts on), or null.
 */
export function stringField(source: unknown, key: string): string | null {
  if (!source || typeof source !== 'object' || Array.isArray(source)) return null;
  return nonEmptyString((source as Record<string, unknown>)[key]);
}

/** The value when it is a non-empty string, else null. */
export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `id` route parameter when it is a UUID (anything else matches no row, and must not reach SQL unchecked). */
export function uuidParam(req: FastifyRequest, key = 'id'): string | null {
  const value = stringField(req.params, key);
  return value && UUID.test(value) ? value : null;
}

/** The actor of a request that a policy already required to be signed in. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Cần đăng nhập / sign in first');
  return req.actor;
}
