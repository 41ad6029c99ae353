import type { FastifySchema } from 'fastify';
import type { RoutePolicy } from './route-policy.js';

/** An `action` policy as a route states it: the action, the units it reads, and how they must match. */
export type ActionRule = Omit<Extract<RoutePolicy, { access: 'action' }>, 'access'>;

/**
 * The options every route declares besides its handler: who may call it (`config.policy`, one function per access
 * kind) and its zod schemas, documented under its module's OpenAPI tag with a one-line summary:
 *
 *     const route = routeOptions('registers');
 *     app.get('/api/org-units/:code/staff', route.public('Số cán bộ … / staff by sex', { params, response }), …);
 *
 * The schemas keep their own types, so the handler's request and reply stay typed from them.
 */
export function routeOptions(tag: string) {
  const declare = <S extends FastifySchema>(policy: RoutePolicy, summary: string, schema: S) => ({
    config: { policy },
    schema: { tags: [tag], summary, ...schema },
  });
  return {
    /** Anyone may call it. */
    public: <S extends FastifySchema>(summary: string, schema: S) =>
      declare({ access: 'public' }, summary, schema),
    /** Any signed-in user may call it. */
    session: <S extends FastifySchema>(summary: string, schema: S) =>
      declare({ access: 'session' }, summary, schema),
    /** A signed-in user allowed the action on the units the request touches. */
    action: <S extends FastifySchema>(rule: ActionRule, summary: string, schema: S) =>
      declare({ access: 'action', ...rule }, summary, schema),
  };
}
