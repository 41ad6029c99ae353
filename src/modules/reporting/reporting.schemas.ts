import { z } from 'zod';
import { REPORT_KINDS } from '../../domain/cycles.js';
import type { CycleRow } from './reporting.repository.js';

/** A reporting cycle as the API shows it (also the web app's type). */
export const cycleSchema = z.object({
  id: z.uuid(),
  definitionId: z.uuid(),
  planId: z.uuid(),
  kind: z.enum(REPORT_KINDS),
  year: z.number().int(),
  period: z.string(),
  cutoffFrom: z.string(),
  cutoffTo: z.string(),
  due: z.string(),
  version: z.number().int(),
});

export const presentCycle = (c: CycleRow): z.infer<typeof cycleSchema> => ({
  id: c.id,
  definitionId: c.definitionId,
  planId: c.planId,
  kind: c.kind,
  year: c.year,
  period: c.period,
  cutoffFrom: c.cutoffFrom,
  cutoffTo: c.cutoffTo,
  due: c.due,
  version: c.version,
});

/** One day or span of a unit's calendar: a report deadline (with its cycle) or a fixed date. */
export const calendarItemSchema = z.object({
  uid: z.string(),
  start: z.string(),
  end: z.string().describe('Inclusive last day'),
  title: z.string(),
  description: z.string(),
  cycle: z
    .object({ id: z.uuid(), planId: z.uuid(), kind: z.enum(REPORT_KINDS), period: z.string() })
    .nullable(),
});

const measureSchema = z.object({
  label: z.string().nullable(),
  target: z.string(),
  baseline: z.string().nullable(),
  latest: z.object({
    period: z.string().nullable(),
    female: z.string().nullable(),
    male: z.string().nullable(),
    total: z.string().nullable(),
  }),
  status: z.string(),
  statusKey: z.string(),
  explanation: z.string(),
});

/** What the DOCX of a unit's report will say, as data (src/modules/reports/report-document.ts). */
export const reportDocumentSchema = z.object({
  parentBody: z.string().nullable(),
  issuer: z.string(),
  symbol: z.string(),
  place: z.string(),
  title: z.string(),
  recipientLine: z.string().nullable(),
  intro: z.string(),
  isDemo: z.boolean(),
  goals: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      targets: z.array(
        z.object({
          code: z.string(),
          text: z.string(),
          measures: z.array(measureSchema),
          lead: z.array(z.string()),
        }),
      ),
    }),
  ),
  lateOrMissing: z.array(z.string()),
  signer: z.object({ authority: z.array(z.string()), name: z.string() }),
  recipients: z.array(z.string()),
  appendixTitle: z.string(),
});
