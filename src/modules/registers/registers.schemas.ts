import { z } from 'zod';
import { int4, visibleText } from '../../core/input-fields.js';

export const termSchema = z.object({
  id: z.uuid(),
  position: z.string(),
  isKeyLeader: z.boolean(),
  holderSex: z.enum(['female', 'male']).nullable(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  isDemo: z.boolean(),
});

export const staffSchema = z.object({ asOf: z.string(), female: z.number().int(), male: z.number().int() });

export const holderChangeBody = z.object({
  position: visibleText(200),
  isKeyLeader: z.boolean(),
  holderSex: z.enum(['female', 'male']).nullable(),
  fromDate: z.iso.date(),
});

export const staffCountBody = z.object({
  asOf: z.iso.date(),
  female: int4().min(0),
  male: int4().min(0),
});
