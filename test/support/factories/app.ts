import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../../src/core/clock.js';
import type { DatabaseHandle } from '../../../src/db/connection.js';

/** What the factories build on: an app to send requests to, its database and its clock. */
export interface AppUnderTest {
  app: Pick<FastifyInstance, 'inject'>;
  database: DatabaseHandle;
  now: Clock;
}

/** Headers that authenticate a request: the session cookie and the CSRF token. */
export interface SessionHeaders {
  cookie: string;
  'x-csrf-token': string;
  [key: string]: string;
}

/** A signed-in user: headers for its requests, and its id. */
export type Session = SessionHeaders & { userId: string };

/** The body of an answer with the expected status; anything else fails the set-up loudly, naming the request. */
export function expectStatus<T>(res: LightMyRequestResponse, status: number, what: string): T {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return (res.body === '' ? undefined : res.json()) as T;
}

/** Per-app state of the factories (counters, accounts they made), kept beside the app it belongs to. */
const states = new WeakMap<object, Map<string, unknown>>();
export function factoryState<T>(t: AppUnderTest, key: string, initial: () => T): T {
  let state = states.get(t.app);
  if (!state) states.set(t.app, (state = new Map<string, unknown>()));
  if (!state.has(key)) state.set(key, initial());
  return state.get(key) as T;
}

/** The next number of a per-app sequence (1, 2, …): unique names and document numbers. */
export function nextNumber(t: AppUnderTest, sequence: string): number {
  const counter = factoryState(t, `sequence:${sequence}`, () => ({ n: 0 }));
  return ++counter.n;
}
