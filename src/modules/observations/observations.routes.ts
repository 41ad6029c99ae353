import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fromNumeric, type Database } from '../../db/connection.js';
import { errorResponseSchema } from '../../server/error-handler.js';
import { requireActor } from '../../server/auth.js';
import { findIndicatorsByCodes, findIndicatorsByIds } from '../indicators/indicators.repository.js';
import { parseObservationCsv } from './observations.csv.js';
import { decodeCsvBytes } from './csv-encoding.js';
import { findObservations } from './observations.repository.js';
import {
  importQuerySchema,
  observationListQuery,
  observationSchema,
  recordBodySchema,
  recordResultSchema,
} from './observations.schemas.js';
import { recordObservations, type RecordResult } from './observations.service.js';
import { ISSUE_LIMIT } from '../../domain/input-limits.js';

/** The result as answered: the first ISSUE_LIMIT rejections and warnings, with their totals when there are more. */
const presentResult = (r: RecordResult) => ({
  stored: r.stored,
  rejected: r.rejected.slice(0, ISSUE_LIMIT),
  warnings: r.warnings.slice(0, ISSUE_LIMIT),
  ...(r.rejected.length > ISSUE_LIMIT ? { rejectedCount: r.rejected.length } : {}),
  ...(r.warnings.length > ISSUE_LIMIT ? { warningCount: r.warnings.length } : {}),
});
import { readableUnits } from '../auth/auth.service.js';

interface UnitFields {
  orgUnit: string;
  reportingUnit?: string | null;
}

/**
 * The unit a row is written for, read exactly as recordObservations reads it (trimmed; an empty reporting unit
 * means the unit itself). A looser reading would let " 06436" or reportingUnit "" slip past the check as an
 * unknown unit and still be stored for 06436.
 */
const answerableUnit = (r: UnitFields) => r.reportingUnit?.trim() || r.orgUnit.trim();

/** Entry of sex-disaggregated figures: a form or API batch, and CSV upload. */
export const observationsRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  // Bytes first: the text is decoded by the file's byte-order mark or declared charset, and refused by name when it
  // is not valid in that encoding.
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 },
    (req, body, done) => {
      try {
        done(null, decodeCsvBytes(body as Buffer, req.headers['content-type']));
      } catch (err) {
        done(err as Error, undefined);
      }
    },
  );

  app.post(
    '/api/observations',
    {
      config: {
        policy: {
          access: 'action',
          action: 'observation.write',
          units: (req) => (req.body as { rows: UnitFields[] }).rows.map(answerableUnit),
        },
      },
      schema: {
        tags: ['observations'],
        summary: 'Nhập số liệu / enter figures (one or many rows, validated together)',
        body: recordBodySchema,
        response: { 201: recordResultSchema, 400: errorResponseSchema, 422: errorResponseSchema },
      },
    },
    async (req, reply) => {
      const { rows, ...options } = req.body;
      const result = await recordObservations(
        { db },
        rows.map((r, i) => ({ ...r, line: i + 1 })),
        { ...options, actor: requireActor(req) },
      );
      return reply.code(201).send(presentResult(result));
    },
  );

  app.post(
    '/api/observations/import',
    {
      config: {
        policy: {
          access: 'action',
          action: 'observation.write',
          units: (req) => {
            const q = req.query as { locale?: 'vi' | 'en' };
            return parseObservationCsv(req.body as string, q.locale).rows.map(answerableUnit);
          },
        },
      },
      schema: {
        tags: ['observations'],
        summary: 'Nhập số liệu từ tệp CSV / import figures from CSV (one transaction)',
        description:
          'Columns: indicator, org_unit, period, sex, age_group, ethnicity, area, value, numerator, denominator, source, note. ' +
          'mode=all stores nothing when any row is invalid; mode=valid-only stores the valid rows and lists the others.',
        querystring: importQuerySchema,
        body: z.string().describe('CSV text (text/csv)'),
        response: { 201: recordResultSchema, 400: errorResponseSchema, 422: errorResponseSchema },
      },
    },
    async (req, reply) => {
      const { rows, locale } = parseObservationCsv(req.body, req.query.locale);
      const result = await recordObservations({ db }, rows, {
        locale,
        mode: req.query.mode,
        acknowledgeWarnings: req.query.acknowledgeWarnings,
        actor: requireActor(req),
      });
      return reply.code(201).send(presentResult(result));
    },
  );

  app.get(
    '/api/observations',
    {
      config: { policy: { access: 'public' } },
      schema: {
        tags: ['observations'],
        summary: 'Số liệu đã nhập / stored figures',
        querystring: observationListQuery,
        response: { 200: z.object({ items: z.array(observationSchema) }) },
      },
    },
    async (req) => {
      const indicator = req.query.indicator
        ? (await findIndicatorsByCodes(db, [req.query.indicator]))[0]
        : undefined;
      if (req.query.indicator && !indicator) return { items: [] };
      const found = await findObservations(db, {
        ...(indicator ? { indicatorId: indicator.id } : {}),
        ...(req.query.orgUnit ? { orgUnitCode: req.query.orgUnit } : {}),
        ...(req.query.period ? { period: req.query.period } : {}),
      });
      // Accepted figures are public; the rest only for those with a role over the reporting unit.
      const readable = await readableUnits(
        db,
        req.actor,
        found.filter((r) => !r.accepted).map((r) => r.reportingUnitCode),
      );
      const rows = found.filter((r) => r.accepted || readable.has(r.reportingUnitCode));
      const codes = new Map(
        (
          await findIndicatorsByIds(
            db,
            rows.map((r) => r.indicatorId),
          )
        ).map((i) => [i.id, i.code]),
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          indicator: codes.get(r.indicatorId)!,
          orgUnit: r.orgUnitCode,
          reportingUnit: r.reportingUnitCode,
          period: r.period,
          sex: r.sex,
          ageGroup: r.ageGroup,
          ethnicity: r.ethnicity,
          area: r.area,
          value: Number(r.value),
          numerator: fromNumeric(r.numerator),
          denominator: fromNumeric(r.denominator),
          source: r.source,
          note: r.note,
          isDemo: r.isDemo,
          accepted: r.accepted,
          version: r.version,
        })),
      };
    },
  );
};
