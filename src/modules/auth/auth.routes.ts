import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { ROLES } from '../../domain/permissions.js';
import { errorResponseSchema } from '../../core/error-response.js';
import { AppError } from '../../core/errors.js';
import { requireActor } from '../../core/actor.js';
import { SESSION_COOKIE, stringField } from '../../core/route-policy.js';
import { listUsersWithGrants } from './auth.repository.js';
import {
  changePassword,
  createUser,
  DEMO_PASSWORD,
  login,
  logout,
  SESSION_TTL_MS,
  ancestryOf,
} from './auth.service.js';
import { can } from '../../domain/permissions.js';

const grantSchema = z.object({ role: z.enum(ROLES), orgUnitCode: z.string().min(1) });

const sessionSchema = z.object({
  user: z
    .object({
      id: z.uuid(),
      username: z.string(),
      displayName: z.string(),
      grants: z.array(grantSchema),
    })
    .nullable(),
  csrfToken: z.string().nullable(),
});

/** Sign-in, sessions, passwords and accounts. */
export const authRoutes: FastifyPluginAsyncZod<{
  db: Database;
  now: () => Date;
  loginRateLimit: number;
  /** Demo mode: demo accounts may sign in and are listed; otherwise they cannot and the list is 404. */
  demoMode: boolean;
}> = async (app, { db, now, loginRateLimit, demoMode }) => {
  const deps = { db, now, demoMode };

  app.post(
    '/api/auth/login',
    {
      config: { policy: { access: 'public' }, rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập / sign in',
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: sessionSchema, 401: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (req, reply) => {
      const { token, actor } = await login(deps, req.body.username, req.body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return {
        user: {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          grants: actor.grants,
        },
        csrfToken: actor.csrfToken,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { policy: { access: 'session' } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng xuất / sign out',
        response: { 204: z.null().describe('Signed out') },
      },
    },
    async (req, reply) => {
      await logout(deps, requireActor(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { policy: { access: 'public' } },
      schema: {
        tags: ['auth'],
        summary: 'Phiên hiện tại / current session',
        response: { 200: sessionSchema },
      },
    },
    async (req) => {
      const a = req.actor;
      return a
        ? {
            user: { id: a.userId, username: a.username, displayName: a.displayName, grants: a.grants },
            csrfToken: a.csrfToken,
          }
        : { user: null, csrfToken: null };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { policy: { access: 'session' } },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu / change password',
        body: z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(1).max(200) }),
        response: { 204: z.null().describe('Changed'), 400: errorResponseSchema },
      },
    },
    async (req, reply) => {
      await changePassword(deps, requireActor(req), req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/demo-accounts',
    {
      config: { policy: { access: 'public' } },
      schema: {
        tags: ['auth'],
        summary: 'Tài khoản minh họa (chỉ ở chế độ demo) / demo accounts',
        response: {
          404: errorResponseSchema,
          200: z.object({
            password: z.string().nullable(),
            items: z.array(
              z.object({ username: z.string(), displayName: z.string(), grants: z.array(grantSchema) }),
            ),
          }),
        },
      },
    },
    async () => {
      if (!demoMode) throw new AppError('NOT_FOUND', 'Chế độ minh họa (demo) đang tắt / demo mode is off');
      const demo = (await listUsersWithGrants(db)).filter((u) => u.user.isDemo);
      return {
        password: demo.length > 0 ? DEMO_PASSWORD : null,
        items: demo.map((u) => ({
          username: u.user.username,
          displayName: u.user.displayName,
          grants: u.grants,
        })),
      };
    },
  );

  app.get(
    '/api/users',
    {
      config: { policy: { access: 'session' } },
      schema: {
        tags: ['auth'],
        summary: 'Tài khoản trong phạm vi quản lý / accounts you manage',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                username: z.string(),
                displayName: z.string(),
                active: z.boolean(),
                isDemo: z.boolean(),
                grants: z.array(grantSchema),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const all = await listUsersWithGrants(db);
      const visible = [];
      for (const u of all) {
        let ok = u.user.id === actor.userId;
        for (const g of u.grants)
          if (!ok && can(actor.grants, 'user.manage', await ancestryOf(db, g.orgUnitCode))) ok = true;
        if (ok) visible.push(u);
      }
      return {
        items: visible.map((u) => ({
          id: u.user.id,
          username: u.user.username,
          displayName: u.user.displayName,
          active: u.user.active,
          isDemo: u.user.isDemo,
          grants: u.grants,
        })),
      };
    },
  );

  app.post(
    '/api/users',
    {
      config: {
        policy: {
          access: 'action',
          action: 'user.manage',
          units: (req) => {
            const grants = (req.body as { grants?: unknown } | null | undefined)?.grants;
            return Array.isArray(grants) ? grants.map((g) => stringField(g, 'orgUnitCode')) : [null];
          },
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Tạo tài khoản / create an account',
        body: z.object({
          username: z.string().min(1).max(40),
          displayName: z.string().min(1).max(200),
          password: z.string().min(1).max(200),
          grants: z.array(grantSchema).min(1).max(20),
        }),
        response: {
          201: z.object({ id: z.uuid() }),
          400: errorResponseSchema,
          403: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (req, reply) => {
      const id = await createUser(deps, requireActor(req), req.body);
      return reply.code(201).send({ id });
    },
  );
};
