import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ENTRY_BODY_LIMIT } from '../../domain/input-limits.js';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions } from '../../core/route-options.js';
import { requireActor } from '../../core/actor.js';
import { can } from '../../domain/permissions.js';
import { parseObservationCsv } from './observations.csv.js';
import { decodeCsvBytes } from './csv-encoding.js';
import { presentRecordResult } from './observations.presenter.js';
import {
  importQuerySchema,
  observationListQuery,
  observationPageSchema,
  recordBodySchema,
  recordResultSchema,
} from './observations.schemas.js';
import { listObservations, recordObservations } from './observations.service.js';

const route = routeOptions('observations');

/**
 * The unit a row is written for, read exactly as recordObservations reads it (trimmed; an empty reporting unit
 * means the unit itself). A looser reading would let " 06436" or reportingUnit "" slip past the check as an
 * unknown unit and still be stored for 06436. The row is not validated yet: a unit of the wrong type, or none,
 * is null (the policy refuses it).
 */
function answerableUnit(row: unknown): string | null {
  if (!row || typeof row !== 'object') return null;
  const { orgUnit, reportingUnit } = row as { orgUnit?: unknown; reportingUnit?: unknown };
  if (reportingUnit !== undefined && reportingUnit !== null && typeof reportingUnit !== 'string') return null;
  if (typeof orgUnit !== 'string') return null;
  return reportingUnit?.trim() || orgUnit.trim() || null;
}

/** The rows of an unvalidated batch, or one unreadable unit when there is no list of rows. */
function rowUnits(body: unknown): (string | null)[] {
  const rows = (body as { rows?: unknown } | null | undefined)?.rows;
  return Array.isArray(rows) ? rows.map(answerableUnit) : [null];
}

type CsvRead = ReturnType<typeof parseObservationCsv>;

/**
 * A CSV upload read once per request: the access check (csvUnits) and the handler share the rows, or the error.
 * The locale is the query's as sent; the handler only runs when it is a valid one, so both read alike.
 */
const csvReads = new WeakMap<FastifyRequest, { rows: CsvRead } | { error: unknown }>();
function readCsv(req: FastifyRequest): CsvRead {
  let read = csvReads.get(req);
  if (!read) {
    const locale = (req.query as { locale?: unknown } | undefined)?.locale;
    try {
      read = {
        rows: parseObservationCsv(
          req.body as string,
          locale === 'vi' || locale === 'en' ? locale : undefined,
        ),
      };
    } catch (error) {
      read = { error };
    }
    csvReads.set(req, read);
  }
  if ('error' in read) throw read.error;
  return read.rows;
}

/**
 * The units of a CSV upload. A line with a blank unit cell names no unit: it can only be refused as invalid, so it
 * is left out, and the other lines decide. A file that cannot be read (a wrong header, no rows) names no unit of
 * its own; it is checked against the caller's own unit instead, so someone who may enter figures gets the file's
 * line and column errors (the service refuses the same file, writing nothing), while anyone else gets 403.
 */
function csvUnits(req: FastifyRequest): (string | null)[] {
  const actor = req.actor;
  const ownWritableUnit = () =>
    actor?.grants.find((g) => can(actor.grants, 'observation.write', [g.orgUnitCode]))?.orgUnitCode ?? null;
  if (typeof req.body !== 'string') return [ownWritableUnit()];
  try {
    const { rows } = readCsv(req);
    const units = rows.map(answerableUnit).filter((u) => u !== null);
    return units.length > 0 ? units : [ownWritableUnit()];
  } catch {
    return [ownWritableUnit()];
  }
}

/** Entry of sex-disaggregated figures: a form or API batch, and CSV upload. */
export const observationsRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (
  app,
  { db, now },
) => {
  // Bytes first: the text is decoded by the file's byte-order mark or declared charset, and refused by name when it
  // is not valid in that encoding.
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'buffer', bodyLimit: ENTRY_BODY_LIMIT },
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
      ...route.action(
        { action: 'observation.write', units: (req) => rowUnits(req.body) },
        'Nhập số liệu / enter figures (one or many rows, validated together)',
        {
          body: recordBodySchema,
          response: { 201: recordResultSchema, ...errorResponses(400, 422) },
        },
      ),
      bodyLimit: ENTRY_BODY_LIMIT,
    },
    async (req, reply) => {
      const { rows, ...options } = req.body;
      const result = await recordObservations(
        { db, now },
        rows.map((r, i) => ({ ...r, line: i + 1 })),
        { ...options, actor: requireActor(req) },
      );
      return reply.code(201).send(presentRecordResult(result));
    },
  );

  app.post(
    '/api/observations/import',
    route.action(
      {
        action: 'observation.write',
        units: csvUnits,
      },
      'Nhập số liệu từ tệp CSV / import figures from CSV (one transaction)',
      {
        description:
          'Columns: indicator, org_unit, period, sex, age_group, ethnicity, area, value, numerator, denominator, source, note. ' +
          'mode=all stores nothing when any row is invalid; mode=valid-only stores the valid rows and lists the others.',
        querystring: importQuerySchema,
        body: z.string().describe('CSV text (text/csv)'),
        response: { 201: recordResultSchema, ...errorResponses(400, 422) },
      },
    ),
    async (req, reply) => {
      const { rows, locale } = readCsv(req);
      const result = await recordObservations({ db, now }, rows, {
        locale,
        mode: req.query.mode,
        acknowledgeWarnings: req.query.acknowledgeWarnings,
        actor: requireActor(req),
      });
      return reply.code(201).send(presentRecordResult(result));
    },
  );

  app.get(
    '/api/observations',
    route.public('Số liệu đã nhập / stored figures', {
      querystring: observationListQuery,
      response: { 200: observationPageSchema, ...errorResponses(400) },
    }),
    async (req) => listObservations(db, req.actor, req.query),
  );
};
