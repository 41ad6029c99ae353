import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { requireActor } from '../../core/actor.js';
import { SESSION_COOKIE, stringField } from '../../core/route-policy.js';
import { presentDemoAccount, presentSession, presentUser } from './auth.presenter.js';
import {
  demoAccountsSchema,
  loginBody,
  newUserBody,
  passwordChangeBody,
  sessionSchema,
  userListSchema,
} from './auth.schemas.js';
import {
  changePassword,
  createUser,
  demoAccounts,
  login,
  logout,
  manageableUsers,
  SESSION_TTL_MS,
} from './auth.service.js';

const route = routeOptions('auth');

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
      ...route.public('Đăng nhập / sign in', {
        body: loginBody,
        response: { 200: sessionSchema, ...errorResponses(401, 429) },
      }),
      config: { policy: { access: 'public' }, rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
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
      return presentSession(actor);
    },
  );

  app.post(
    '/api/auth/logout',
    route.session('Đăng xuất / sign out', {
      response: { 204: z.null().describe('Signed out') },
    }),
    async (req, reply) => {
      await logout(deps, requireActor(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    route.public('Phiên hiện tại / current session', {
      response: { 200: sessionSchema },
    }),
    async (req) => presentSession(req.actor),
  );

  app.post(
    '/api/auth/password',
    route.session('Đổi mật khẩu / change password', {
      body: passwordChangeBody,
      response: { 204: z.null().describe('Changed'), ...errorResponses(400) },
    }),
    async (req, reply) => {
      await changePassword(deps, requireActor(req), req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/demo-accounts',
    route.public('Tài khoản minh họa (chỉ ở chế độ demo) / demo accounts', {
      response: { 200: demoAccountsSchema, ...errorResponses(404) },
    }),
    async () => {
      const { password, accounts } = await demoAccounts(deps);
      return { password, items: accounts.map(presentDemoAccount) };
    },
  );

  app.get(
    '/api/users',
    route.session('Tài khoản trong phạm vi quản lý / accounts you manage', {
      response: { 200: userListSchema },
    }),
    async (req) => ({ items: (await manageableUsers(deps, requireActor(req))).map(presentUser) }),
  );

  app.post(
    '/api/users',
    route.action(
      {
        action: 'user.manage',
        units: (req) => {
          const grants = (req.body as { grants?: unknown } | null | undefined)?.grants;
          return Array.isArray(grants) ? grants.map((g) => stringField(g, 'orgUnitCode')) : [null];
        },
      },
      'Tạo tài khoản / create an account',
      {
        body: newUserBody,
        response: { 201: z.object({ id: z.uuid() }), ...errorResponses(400, 403, 409) },
      },
    ),
    async (req, reply) => {
      const id = await createUser(deps, requireActor(req), req.body);
      return reply.code(201).send({ id });
    },
  );
};
