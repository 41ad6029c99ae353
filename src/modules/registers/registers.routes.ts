import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { requireActor } from '../../core/actor.js';
import { stringField } from '../../core/route-policy.js';
import { errorResponseSchema } from '../../core/error-response.js';
import { int4, visibleText } from '../../core/input-fields.js';
import { changeHolder, listStaff, listTerms, recordStaff, type TermRow } from './registers.service.js';

const params = z.object({ code: z.string().min(1).max(40) });
const unitOf = (req: { params: unknown }) => [stringField(req.params, 'code')];

const termSchema = z.object({
  id: z.uuid(),
  position: z.string(),
  isKeyLeader: z.boolean(),
  holderSex: z.enum(['female', 'male']).nullable(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  isDemo: z.boolean(),
});
const presentTerm = (t: TermRow) => ({
  id: t.id,
  position: t.position,
  isKeyLeader: t.isKeyLeader,
  holderSex: t.holderSex,
  fromDate: t.fromDate,
  toDate: t.toDate,
  isDemo: t.isDemo,
});
const staffSchema = z.object({ asOf: z.string(), female: z.number().int(), male: z.number().int() });

/** Registers: leadership positions (holder's sex only, no names) and staff by sex. */
export const registersRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (
  app,
  { db, now },
) => {
  app.get(
    '/api/org-units/:code/leadership',
    {
      config: { policy: { access: 'public' } },
      schema: {
        tags: ['registers'],
        summary: 'Sổ chức danh lãnh đạo của đơn vị / leadership register',
        params,
        response: { 200: z.object({ items: z.array(termSchema) }) },
      },
    },
    async (req) => ({ items: (await listTerms(db, req.params.code)).map(presentTerm) }),
  );

  app.post(
    '/api/org-units/:code/leadership',
    {
      config: { policy: { access: 'action', action: 'observation.write', units: unitOf } },
      schema: {
        tags: ['registers'],
        summary: 'Ghi người giữ chức danh từ một ngày / record who holds a post from a date',
        params,
        body: z.object({
          position: visibleText(200),
          isKeyLeader: z.boolean(),
          holderSex: z.enum(['female', 'male']).nullable(),
          fromDate: z.iso.date(),
        }),
        response: { 201: termSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(presentTerm(await changeHolder({ db, now }, requireActor(req), req.params.code, req.body))),
  );

  app.get(
    '/api/org-units/:code/staff',
    {
      config: { policy: { access: 'public' } },
      schema: {
        tags: ['registers'],
        summary: 'Số cán bộ, công chức, viên chức theo giới tính / staff by sex',
        params,
        response: { 200: z.object({ items: z.array(staffSchema) }) },
      },
    },
    async (req) => ({
      items: (await listStaff(db, req.params.code)).map((s) => ({
        asOf: s.asOf,
        female: s.female,
        male: s.male,
      })),
    }),
  );

  app.put(
    '/api/org-units/:code/staff',
    {
      config: { policy: { access: 'action', action: 'observation.write', units: unitOf } },
      schema: {
        tags: ['registers'],
        summary: 'Ghi số cán bộ theo giới tính tại một ngày / record staff by sex on a date',
        params,
        body: z.object({
          asOf: z.iso.date(),
          female: int4().min(0),
          male: int4().min(0),
        }),
        response: { 200: staffSchema, 404: errorResponseSchema },
      },
    },
    async (req) => {
      const s = await recordStaff({ db, now }, requireActor(req), req.params.code, req.body);
      return { asOf: s.asOf, female: s.female, male: s.male };
    },
  );
};
