import type { FastifyRequest } from 'fastify';
import type { Action } from '../domain/permissions.js';

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
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

/**
 * A non-empty string field of an unvalidated body, query or params, exactly as sent (not trimmed: the unit checked
 * must be the unit the service acts on), or null.
 */
export function stringField(source: unknown, key: string): string | null {
  if (!source || typeof source !== 'object' || Array.isArray(source)) return null;
  return nonEmptyString((source as Record<string, unknown>)[key]);
}

/**
 * A policy's `units` for a request that names one unit in a field of its params, query or body, read as
 * `stringField` reads it: `units: unitIn('params', 'code')`.
 */
export function unitIn(part: 'params' | 'query' | 'body', key: string) {
  return (req: Pick<FastifyRequest, typeof part>): PolicyUnits => [stringField(req[part], key)];
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
