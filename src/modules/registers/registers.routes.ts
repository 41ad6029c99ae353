import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { requireActor } from '../../core/actor.js';
import { stringField, type PolicyUnits } from '../../core/route-policy.js';
import type { Executor } from '../../db/connection.js';
import { registerKeeperOf } from '../org-units/org-units.service.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions, type ActionRule } from '../../core/route-options.js';
import { presentStaff, presentTerm } from './registers.presenter.js';
import { holderChangeBody, staffCountBody, staffSchema, termSchema } from './registers.schemas.js';
import { orgUnitCodeParams } from '../org-units/org-units.schemas.js';
import { changeHolder, listStaff, listTerms, recordStaff } from './registers.service.js';

const route = routeOptions('registers');

/**
 * Writing a unit's registers takes the right to enter its figures; a section's (phòng, ban inside an agency) are
 * entered by its agency, so the right is checked on the agency: its reporter keeps the registers of its sections.
 */
function writeRegister(db: Executor): ActionRule {
  return {
    action: 'observation.write',
    units: async (req): Promise<PolicyUnits> => {
      const code = stringField(req.params, 'code');
      if (!code) return [null];
      return [await registerKeeperOf(db, code)];
    },
  };
}

/** Registers: leadership positions (holder's sex only, no names) and staff by sex. */
export const registersRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (
  app,
  { db, now },
) => {
  const deps = { db, now };

  app.get(
    '/api/org-units/:code/leadership',
    route.public('Sổ chức danh lãnh đạo của đơn vị / leadership register', {
      params: orgUnitCodeParams,
      response: { 200: z.object({ items: z.array(termSchema) }) },
    }),
    async (req) => ({ items: (await listTerms(deps, req.params.code)).map(presentTerm) }),
  );

  app.post(
    '/api/org-units/:code/leadership',
    route.action(
      writeRegister(db),
      'Ghi người giữ chức danh từ một ngày / record who holds a post from a date',
      {
        params: orgUnitCodeParams,
        body: holderChangeBody,
        response: { 201: termSchema, ...errorResponses(400, 404) },
      },
    ),
    async (req, reply) =>
      reply
        .code(201)
        .send(presentTerm(await changeHolder(deps, requireActor(req), req.params.code, req.body))),
  );

  app.get(
    '/api/org-units/:code/staff',
    route.public('Số cán bộ, công chức, viên chức theo giới tính / staff by sex', {
      params: orgUnitCodeParams,
      response: { 200: z.object({ items: z.array(staffSchema) }) },
    }),
    async (req) => ({ items: (await listStaff(deps, req.params.code)).map(presentStaff) }),
  );

  app.put(
    '/api/org-units/:code/staff',
    route.action(
      writeRegister(db),
      'Ghi số cán bộ theo giới tính tại một ngày / record staff by sex on a date',
      {
        params: orgUnitCodeParams,
        body: staffCountBody,
        response: { 200: staffSchema, ...errorResponses(404) },
      },
    ),
    async (req) => presentStaff(await recordStaff(deps, requireActor(req), req.params.code, req.body)),
  );
};
