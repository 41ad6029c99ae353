import { z } from 'zod';

/** One measure of a target as the report states it (values already formatted in Vietnamese). */
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
  figures: z.object({
    unit: z.string(),
    female: z.number().nullable(),
    male: z.number().nullable(),
    total: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    bySex: z.boolean(),
    hasParts: z.boolean(),
    coverage: z.object({ reported: z.number().int(), owed: z.number().int() }).nullable(),
    source: z.string().nullable(),
  }),
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

/** The parts of a unit's report it writes itself, and the signed PDF's record. */
export const draftSchema = z.object({
  activities: z.string(),
  difficulties: z.string(),
  proposals: z.string(),
  signerAuthority: z.string(),
  signerName: z.string(),
  recipients: z.array(z.string()),
  signed: z.object({ size: z.number(), sha256: z.string(), sentAt: z.string() }).nullable(),
  version: z.number().int(),
});

export type DraftView = z.infer<typeof draftSchema>;
