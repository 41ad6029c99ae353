import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import { fromNumeric, type Database } from '../../db/connection.js';
import { errorResponseSchema } from '../../core/error-response.js';
import { notFound } from '../../core/errors.js';
import { findIndicatorsByCodes, listIndicatorRows, type IndicatorRow } from './indicators.repository.js';
import { indicatorSchema, type IndicatorView } from './indicators.schemas.js';

export function presentIndicator(r: IndicatorRow): IndicatorView {
  return {
    code: r.code,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    unit: r.unit,
    direction: r.direction,
    band:
      r.bandMin !== null && r.bandMax !== null ? { min: Number(r.bandMin), max: Number(r.bandMax) } : null,
    numeratorVi: r.numeratorVi,
    denominatorVi: r.denominatorVi,
    multiplier: fromNumeric(r.multiplier),
    disaggregations: r.disaggregations,
    aggregation: r.aggregation,
    periodType: r.periodType,
    unitKinds: r.unitKinds,
    source: r.source,
    providerAbbr: r.providerAbbr,
    minValue: fromNumeric(r.minValue),
    maxValue: fromNumeric(r.maxValue),
  };
}

/** The indicator catalogue. Public reads (the clock is handed in like to every plugin; nothing here writes). */
export const indicatorsRoutes: FastifyPluginAsyncZod<{ db: Database; now: Clock }> = async (app, { db }) => {
  app.get(
    '/api/indicators',
    {
      config: { policy: { access: 'public' } },
      schema: {
        tags: ['indicators'],
        summary: 'Danh mục chỉ số / indicators',
        response: { 200: z.object({ items: z.array(indicatorSchema) }) },
      },
    },
    async () => ({ items: (await listIndicatorRows(db)).map(presentIndicator) }),
  );
  app.get(
    '/api/indicators/:code',
    {
      config: { policy: { access: 'public' } },
      schema: {
        tags: ['indicators'],
        summary: 'Một chỉ số / one indicator',
        params: z.object({ code: z.string().min(1).max(40) }),
        response: { 200: indicatorSchema, 404: errorResponseSchema },
      },
    },
    async (req) => {
      const [row] = await findIndicatorsByCodes(db, [req.params.code]);
      if (!row) throw notFound(`Chỉ số ${req.params.code}`);
      return presentIndicator(row);
    },
  );
};
