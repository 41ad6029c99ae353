import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import type { Database } from '../db/connection.js';
import { can, isAdminEverywhere, type Action } from '../domain/permissions.js';
import { NATION_CODE } from '../db/reference/reference-data.js';
import { actorFromToken } from '../modules/auth/auth.service.js';
import { AppError } from '../core/errors.js';
import { requireActor, type Actor } from '../core/actor.js';
import { CSRF_HEADER, SESSION_COOKIE, type RoutePolicy } from '../core/route-policy.js';
import { findAncestries, findOrgUnit } from '../modules/org-units/org-units.repository.js';

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
