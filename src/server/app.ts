import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type http from 'node:http';
import Fastify, { type FastifyHttpOptions, type FastifyInstance, type RouteOptions } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyRateLimit from '@fastify/rate-limit';
import helmet from 'helmet';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemClock, type Clock } from '../core/clock.js';
import type { DatabaseHandle } from '../db/connection.js';
import { filesDirFromEnv, type FileWriter } from '../core/file-store.js';
import { orgUnitsRoutes } from '../modules/org-units/org-units.routes.js';
import { plansRoutes } from '../modules/plans/plans.routes.js';
import { indicatorsRoutes } from '../modules/indicators/indicators.routes.js';
import { observationsRoutes } from '../modules/observations/observations.routes.js';
import { progressRoutes } from '../modules/progress/progress.routes.js';
import { installErrorHandler } from './error-handler.js';
import { installAuth } from './auth.js';
import { installInputGuard } from './input-guard.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { submissionsRoutes } from '../modules/submissions/submissions.routes.js';
import { reportingRoutes } from '../modules/reporting/reporting.routes.js';
import { reportsRoutes } from '../modules/reports/reports.routes.js';
import { registersRoutes } from '../modules/registers/registers.routes.js';
import { activitiesRoutes } from '../modules/activities/activities.routes.js';
import { planDraftsRoutes } from '../modules/plan-drafts/plan-drafts.routes.js';
import { tasksRoutes } from '../modules/tasks/tasks.routes.js';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppOptions {
  database: DatabaseHandle;
  /** pino options, or false to keep tests quiet. */
  logger?: boolean | object;
  /** Serve the built web app from dist/web (when it exists). */
  serveWeb?: boolean;
  /** The clock every timestamp comes from (default the system clock; tests pin it). */
  now?: Clock;
  /** Login attempts per minute and client address. */
  loginRateLimit?: number;
  /**
   * Anonymous requests per minute and client address to each expensive public read (progress); signed-in users
   * are not limited by it. Default BINHDANG_PUBLIC_RATE_LIMIT or 300.
   */
  publicRateLimit?: number;
  /** Where uploaded files (signed reports) are kept; default BINHDANG_FILES_DIR or <data dir>/files. */
  filesDir?: string;
  /**
   * Behind a reverse proxy that terminates TLS: trust its X-Forwarded-* headers (Fastify's `trustProxy`: true or
   * addresses), so that the session cookie is marked Secure. Default BINHDANG_TRUST_PROXY.
   */
  trustProxy?: number | string | false;
  /**
   * Served over HTTPS (directly or behind a TLS proxy): adds `upgrade-insecure-requests` and HSTS. Off, a
   * provincial intranet can serve the app over plain HTTP under any host name. Default: on when a proxy is
   * trusted (BINHDANG_TRUST_PROXY) or BINHDANG_TLS=1.
   */
  behindTls?: boolean;
  /**
   * Demo mode: demo accounts may sign in and the login page lists them. Off by default; `npm start` turns it on
   * only when it loads (or keeps) demo data on the embedded database or is told so explicitly.
   */
  demo?: boolean;
  /** File-system calls of uploads (tests inject a full disk); default node:fs. */
  fileWriter?: FileWriter;
  /** Called with every route as it is registered, plugins' included (the permission-matrix test lists them). */
  onRoute?: (route: RouteOptions) => void;
}

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

/** /api/health while the database cannot be reached: 503, so that a load balancer or monitor sees it. */
export const healthDownSchema = z.object({
  status: z.literal('down'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  message: z.string(),
});

/**
 * BINHDANG_TRUST_PROXY: unset, "0" or "false" trusts nobody; "1" or "true" the one proxy in front (one hop: the
 * client is the address that proxy appended to X-Forwarded-For, so values a client puts there itself are never
 * taken as its address); a number N trusts N hops; anything else is a comma-separated list of trusted proxy
 * addresses or subnets.
 */
export function trustProxyFromEnv(value: string | undefined): number | string | false {
  if (!value || value === '0' || value === 'false') return false;
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const trustProxy = options.trustProxy ?? trustProxyFromEnv(process.env.BINHDANG_TRUST_PROXY);
  const behindTls = options.behindTls ?? (trustProxy !== false || process.env.BINHDANG_TLS === '1');
  const serverOptions: FastifyHttpOptions<http.Server> = {
    logger: options.logger ?? false,
    // A hop count as proxy-addr's trust function (Fastify's types do not take the number itself).
    trustProxy:
      typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    genReqId: () => crypto.randomUUID(),
  };
  const app = Fastify(serverOptions).withTypeProvider<ZodTypeProvider>();
  // First, so that no route escapes it.
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installInputGuard(app);
  const now = options.now ?? systemClock;

  // Helmet's middleware built once: @fastify/helmet builds it again for every request, parsing the policy each
  // time, about a tenth of the CPU of a cached public answer.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and ECharts set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Over plain HTTP this would send every script and style to https:// and leave the page blank.
        upgradeInsecureRequests: behindTls ? [] : null,
      },
    },
    strictTransportSecurity: behindTls,
  });
  app.addHook('onRequest', (req, reply, next) =>
    securityHeaders(req.raw, reply.raw, (err) => next(err as Error | undefined)),
  );
  await app.register(fastifyRateLimit, { global: false });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Bình Đẳng API',
        description:
          'Kế hoạch, chỉ tiêu và phân công công tác bình đẳng giới / gender-equality plans, targets and assignments',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
    // Schemas given an id (the error body) become components, referenced rather than repeated by every route.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const db = options.database.db;
  await installAuth(app, { db, now, demoMode: options.demo ?? false });
  app.get(
    '/api/health',
    {
      config: { policy: { access: 'public' } },
      schema: {
        tags: ['system'],
        summary: 'Tình trạng máy chủ / health',
        response: { 200: healthSchema, 503: healthDownSchema },
      },
    },
    async (req, reply) => {
      try {
        await db.execute('select 1');
      } catch (err) {
        // Whatever the cause, a database that cannot answer `select 1` is down for the callers.
        req.log.warn({ err }, 'health: database unavailable');
        return reply.code(503).send({
          status: 'down' as const,
          database: options.database.kind,
          version: '1',
          message: 'Không kết nối được cơ sở dữ liệu / the database is unreachable',
        });
      }
      return { status: 'ok' as const, database: options.database.kind, version: '1' };
    },
  );
  await app.register(authRoutes, {
    db,
    now,
    loginRateLimit: options.loginRateLimit ?? 20,
    demoMode: options.demo ?? false,
  });
  await app.register(auditRoutes, { db, now });
  await app.register(submissionsRoutes, { db, now });
  await app.register(reportingRoutes, { db, now });
  const filesDir = options.filesDir ?? filesDirFromEnv();
  const fileWriter = options.fileWriter ? { fileWriter: options.fileWriter } : {};
  await app.register(reportsRoutes, { db, now, filesDir, ...fileWriter });
  await app.register(registersRoutes, { db, now });
  await app.register(activitiesRoutes, { db, now, filesDir, ...fileWriter });
  await app.register(planDraftsRoutes, { db, now });
  await app.register(tasksRoutes, { db, now });
  await app.register(plansRoutes, { db, now });
  await app.register(orgUnitsRoutes, { db, now });
  await app.register(indicatorsRoutes, { db, now });
  await app.register(observationsRoutes, { db, now });
  const publicRateLimit = options.publicRateLimit ?? (Number(process.env.BINHDANG_PUBLIC_RATE_LIMIT) || 1800);
  await app.register(progressRoutes, {
    db,
    dataVersion: options.database.dataVersion,
    now,
    publicRateLimit,
  });

  const indexHtml = path.join(WEB_DIST, 'index.html');
  const serveWeb = (options.serveWeb ?? true) && fs.existsSync(indexHtml);
  if (serveWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    if (serveWeb && req.method === 'GET' && !req.url.startsWith('/api/')) {
      // Client-side routes of the single-page app.
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy / not found' } });
  });
  return app;
}
