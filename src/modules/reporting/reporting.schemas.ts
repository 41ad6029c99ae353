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
