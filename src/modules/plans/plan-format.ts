import { z } from 'zod';
import { COMPARATORS, MEASURE_PERIODS, MEASURE_UNITS } from '../../domain/measure.js';
import { parsePartialDate } from '../../domain/partial-date.js';

/**
 * The plan interchange format `binhdang.plan/1` (docs/formats/binhdang.plan-1.schema.json is generated
 * from this schema). Stable: new fields are optional, the meaning of a field never changes.
 */
export const PLAN_FORMAT_ID = 'binhdang.plan/1';

export const DOCUMENT_TYPES = [
  'KH',
  'CV',
  'QD',
  'BC',
  'CTR',
  'HD',
  'NQ',
  'ND',
  'TT',
  'CT',
  'KL',
  'LUAT',
] as const;

const text = z.string().trim().min(1);
const nullableText = text.nullable();

const partialDate = z
  .string()
  .refine((s) => parsePartialDate(s) !== null, {
    message: 'Expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD',
  })
  .describe('ISO date as precise as the document: "2026-04-26", "2026-04" or "2026"');

const year = z.number().int().min(1900).max(2200);

const measure = z
  .object({
    label: nullableText.optional().describe('What the number measures, when a target has several'),
    value: z.number().finite(),
    unit: z.enum(MEASURE_UNITS),
    comparator: z.enum(COMPARATORS),
    year: year.nullable(),
    baseline: z.object({ value: z.number().finite(), year: year.nullable() }).nullable(),
    per: z.enum(MEASURE_PERIODS).nullable(),
    indicator: nullableText
      .optional()
      .describe('Code of the indicator that measures this number, when known'),
  })
  .superRefine((m, ctx) => {
    if (m.unit === 'milestone' && (m.value !== 1 || m.comparator !== '=')) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'A milestone measure has value 1 and comparator "="',
      });
    }
  });

const target = z.object({
  code: text,
  text: text,
  measures: z.array(measure),
});

const goal = z.object({
  code: text,
  title: text,
  targets: z.array(target),
});

const reference = z.object({
  relation: z.enum(['implements', 'legal-basis']),
  type: z.enum(DOCUMENT_TYPES).nullable().optional(),
  number: nullableText.optional(),
  symbol: nullableText.optional(),
  date: partialDate.nullable().optional(),
  issuer: nullableText.optional(),
  title: nullableText.optional(),
  planId: z.uuid().nullable().optional().describe('Id of the referenced plan on this platform, when known'),
});

export const planDocumentSchema = z
  .object({
    format: z.literal(PLAN_FORMAT_ID),
    document: z.object({
      type: z.enum(DOCUMENT_TYPES),
      number: nullableText,
      symbol: nullableText,
      issuer: text,
      parentBody: nullableText,
      place: nullableText,
      date: partialDate.nullable(),
      title: text,
      period: z
        .object({ from: year, to: year })
        .refine((p) => p.from <= p.to, { message: 'period.from must not be after period.to', path: ['to'] }),
      signer: z.object({ authority: nullableText, name: nullableText }).nullable(),
    }),
    references: z.array(reference),
    goals: z.array(goal),
    tasks: z.array(z.object({ code: nullableText, text: text, agencies: z.array(text) })).optional(),
    assignments: z.array(
      z.object({
        agency: text,
        role: z.enum(['lead', 'coordinate']),
        targets: z.array(text).min(1),
      }),
    ),
    deadlines: z
      .array(
        z.object({
          report: z.enum(['6-month', 'annual', 'mid-term', 'final', 'other']),
          due: partialDate.refine((s) => s.length === 10, { message: 'Expected a full date YYYY-MM-DD' }),
          recipient: nullableText,
        }),
      )
      .optional(),
  })
  .superRefine((doc, ctx) => {
    const targetCodes = new Set<string>();
    const goalCodes = new Set<string>();
    doc.goals.forEach((g, gi) => {
      if (goalCodes.has(g.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['goals', gi, 'code'],
          message: `Duplicate goal code "${g.code}"`,
        });
      }
      goalCodes.add(g.code);
      g.targets.forEach((t, ti) => {
        if (targetCodes.has(t.code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['goals', gi, 'targets', ti, 'code'],
            message: `Duplicate target code "${t.code}"`,
          });
        }
        targetCodes.add(t.code);
      });
    });
    doc.assignments.forEach((a, ai) => {
      a.targets.forEach((code, ci) => {
        if (!targetCodes.has(code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['assignments', ai, 'targets', ci],
            message: `No target with code "${code}" in this plan`,
          });
        }
      });
    });
  });

export type PlanDocument = z.infer<typeof planDocumentSchema>;

export interface FormatIssue {
  /** JSONPath of the offending value, e.g. `$.goals[0].targets[1].measures[0].unit`. */
  path: string;
  message: string;
}

/** Renders a zod issue path as JSONPath. */
export function toJsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    '$',
  );
}

/** Validates an unknown value as a plan document; never throws. */
export function parsePlanDocument(
  input: unknown,
): { ok: true; document: PlanDocument } | { ok: false; issues: FormatIssue[] } {
  const result = planDocumentSchema.safeParse(input);
  if (result.success) return { ok: true, document: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ path: toJsonPath(i.path), message: i.message })),
  };
}

/** The JSON Schema published in docs/formats/. */
export function planJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(planDocumentSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://binhdang.example/formats/binhdang.plan-1.schema.json',
    title: 'binhdang.plan/1',
    description: 'One plan-like document (KẾ HOẠCH, công văn, quyết định …) of the Bình Đẳng platform.',
  };
}
