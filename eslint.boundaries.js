// @ts-check
/**
 * The layer boundaries of docs/ARCHITECTURE.md, as `no-restricted-imports` rules:
 * web → routes → services → repositories → db, with src/domain pure and src/core the shared kernel below the modules.
 *
 * ESLint applies the last matching `no-restricted-imports` setting to a file instead of merging them, so the file
 * groups below are disjoint and each lists every restriction that applies to it.
 */

/** @typedef {{ regex: string, message: string }} Restriction */

/** @type {Record<string, Restriction>} */
const R = {
  drizzle: {
    regex: '^drizzle-orm(/|$)',
    message: 'SQL and the query builder live in *.repository.ts files (and src/db) only.',
  },
  schema: {
    regex: '(^|/)db/schema(\\.js)?$',
    message: 'The table definitions are read by *.repository.ts files (and src/db) only.',
  },
  repository: {
    regex: '\\.repository(\\.js)?$',
    message: 'Routes call a service, never a repository: parse, authorize, call the service, present.',
  },
  server: {
    regex: '^(\\.\\./)+server(/|$)',
    message: 'src/server only assembles the app; take errors, the actor and route policies from src/core.',
  },
  modules: {
    regex: '^(\\.\\./)+modules(/|$)',
    message: 'This layer sits below the modules and must not depend on them.',
  },
  demo: {
    regex: '^(\\.\\./)+demo(/|$)',
    message: 'Demo data sits above the modules; only the server start-up, the CLI and tests load it.',
  },
  upward: {
    regex: '^\\.\\./',
    message: 'src/domain is pure: it imports nothing outside itself.',
  },
  domainPackage: {
    regex: '^[^.]',
    message: 'src/domain is pure: no packages (no I/O, no frameworks).',
  },
  domainTestPackage: {
    regex: '^(?!\\.|vitest$|fast-check$|node:)',
    message: 'Domain tests use vitest, fast-check and node built-ins only.',
  },
  webLayer: {
    regex: '^(\\.\\./)+(modules|server|db|core|demo|cli)(/|$)',
    message:
      'The web app knows the server through HTTP only: it imports src/domain and the generated API client (src/web/api, `npm run api:generate`).',
  },
  webPackage: {
    regex: '^(drizzle-orm|drizzle-kit|pg|fastify|fastify-type-provider-zod)(/|$)|^@(fastify|electric-sql)/',
    message: 'Server packages do not belong in the browser bundle.',
  },
};

/** @param {...Restriction} restrictions */
const only = (...restrictions) => ({
  rules: { 'no-restricted-imports': ['error', { patterns: restrictions.map((r) => ({ ...r })) }] },
});

const REPOSITORY = 'src/**/*.repository.ts';
const ROUTES = 'src/**/*.routes.ts';

export const boundaries = [
  { files: ['src/domain/**/*.ts'], ignores: ['src/domain/**/*.test.ts'], ...only(R.upward, R.domainPackage) },
  { files: ['src/domain/**/*.test.ts'], ...only(R.upward, R.domainTestPackage) },
  { files: ['src/core/**/*.ts'], ...only(R.drizzle, R.schema, R.server, R.modules, R.demo) },
  { files: ['src/db/**/*.ts'], ...only(R.server, R.modules, R.demo) },
  { files: [REPOSITORY], ignores: ['src/db/**'], ...only(R.server, R.demo) },
  { files: [ROUTES], ...only(R.drizzle, R.schema, R.repository, R.server, R.demo) },
  {
    files: ['src/modules/**/*.ts'],
    ignores: [REPOSITORY, ROUTES],
    ...only(R.drizzle, R.schema, R.server, R.demo),
  },
  { files: ['src/demo/**/*.ts', 'src/server/**/*.ts', 'src/cli/**/*.ts'], ...only(R.drizzle, R.schema) },
  { files: ['src/web/**/*.{ts,tsx}'], ...only(R.webLayer, R.webPackage) },
];
