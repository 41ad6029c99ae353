import { z } from 'zod';
import { COMPARATORS, MEASURE_PERIODS, MEASURE_UNITS } from '../../domain/measure.js';
import { parsePartialDate } from '../../domain/partial-date.js';
import { hasVisibleText, NUMBER_LIMIT } from '../../domain/input-limits.js';

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

/**
 * Size limits of one document (docs/NOTES.md): a larger plan answers 400 naming the list, before anything is
 * written. They are far above any real plan (the demo plan has 6 goals, 26 targets, 10 tasks).
 */
export const PLAN_LIMITS = {
  goals: 200,
  targets: 1000,
  measuresPerTarget: 20,
  measures: 2000,
  references: 200,
  tasks: 2000,
  agenciesPerTask: 50,
  assignments: 500,
  assignmentTargets: 2000,
  deadlines: 100,
  duties: 500,
  paragraphsPerPart: 200,
  recipients: 200,
  headings: 100,
} as const;

/** Longest texts: codes, names and titles, and the free texts of targets and tasks. */
const TEXT_MAX = { code: 50, name: 500, title: 2000, long: 10_000 } as const;

const INVISIBLE_ONLY = { message: 'Chỉ có ký tự không nhìn thấy được / no visible character' };
const text = (max: number = TEXT_MAX.name) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => s === '' || hasVisibleText(s), INVISIBLE_ONLY);
const nullableText = (max: number = TEXT_MAX.name) => text(max).nullable();
/** Finite (zod refuses Infinity and NaN) and within what a figure may be (NUMBER_LIMIT). */
const finite = z.number().min(-NUMBER_LIMIT).max(NUMBER_LIMIT);

const partialDate = z
  .string()
  .refine((s) => parsePartialDate(s) !== null, {
    message: 'Expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD',
  })
  .describe('ISO date as precise as the document: "2026-04-26", "2026-04" or "2026"');

const year = z.number().int().min(1900).max(2200);

const measure = z
  .object({
    label: nullableText().optional().describe('What the number measures, when a target has several'),
    value: finite,
    unit: z.enum(MEASURE_UNITS),
    comparator: z.enum(COMPARATORS),
    year: year.nullable(),
    baseline: z.object({ value: finite, year: year.nullable() }).nullable(),
    per: z.enum(MEASURE_PERIODS).nullable(),
    indicator: nullableText(TEXT_MAX.code)
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
  code: text(TEXT_MAX.code),
  text: text(TEXT_MAX.long),
  measures: z.array(measure).max(PLAN_LIMITS.measuresPerTarget),
});

const goal = z.object({
  code: text(TEXT_MAX.code),
  title: text(TEXT_MAX.title),
  targets: z.array(target).max(PLAN_LIMITS.targets),
});

const reference = z.object({
  relation: z.enum(['implements', 'legal-basis']),
  type: z.enum(DOCUMENT_TYPES).nullable().optional(),
  number: nullableText(TEXT_MAX.code).optional(),
  symbol: nullableText(TEXT_MAX.code).optional(),
  date: partialDate.nullable().optional(),
  issuer: nullableText().optional(),
  title: nullableText(TEXT_MAX.title).optional(),
  planId: z.uuid().nullable().optional().describe('Id of the referenced plan on this platform, when known'),
});

/** Paragraphs of a text part, verbatim, in order. */
const paragraphs = z.array(text(TEXT_MAX.long)).max(PLAN_LIMITS.paragraphsPerPart);

/** The parts of a document that are text only: kept verbatim so that the plan page reads like the document. */
export const textPartsSchema = z
  .object({
    purpose: paragraphs.optional().describe('I.1 Mục đích: its paragraphs'),
    requirements: paragraphs.optional().describe('I.2 Yêu cầu: its paragraphs'),
    generalGoal: paragraphs.optional().describe('Mục tiêu chung: its paragraphs'),
    budget: z
      .object({
        sources: z
          .array(text())
          .max(PLAN_LIMITS.paragraphsPerPart)
          .optional()
          .describe('Where the money comes from, as the document names the sources'),
        paragraphs,
      })
      .optional()
      .describe('Kinh phí thực hiện'),
    closing: paragraphs.optional().describe('The closing paragraphs after the last section'),
    recipients: z
      .array(text())
      .max(PLAN_LIMITS.recipients)
      .optional()
      .describe('Nơi nhận, one line per recipient, in order, as written'),
    addressees: z
      .array(text())
      .max(PLAN_LIMITS.recipients)
      .optional()
      .describe('"Kính gửi" of a công văn, one line per addressee'),
    headings: z
      .array(
        z.object({
          number: nullableText(TEXT_MAX.code).describe('"I", "II", … as the document numbers the section'),
          title: text(TEXT_MAX.title),
          part: z
            .enum(['purpose', 'goals', 'tasks', 'activities', 'budget', 'organization', 'reporting', 'other'])
            .describe('Which part of the model the section holds'),
        }),
      )
      .max(PLAN_LIMITS.headings)
      .optional()
      .describe("The document's sections, in order"),
  })
  .describe('Text parts of the document (optional; older files have none)');

/** One agency's paragraph of "Tổ chức thực hiện", or a clause addressed to a class of units. */
const duty = z.object({
  code: nullableText(TEXT_MAX.code).optional().describe('"VI.1" as the document numbers it'),
  agency: text().describe(
    'The agency as the document names it ("Sở Nội vụ", "Các sở, ban, ngành khác thuộc tỉnh")',
  ),
  heading: nullableText(TEXT_MAX.title)
    .optional()
    .describe(
      'The heading as written, when it says more than the name ("Sở Nội vụ (cơ quan Thường trực …)")',
    ),
  covers: z
    .enum(['agencies', 'communes'])
    .nullable()
    .optional()
    .describe(
      'A clause for every agency of the province, or every commune (VI.14, VI.15 of a provincial plan)',
    ),
  paragraphs,
});

export const planDocumentSchema = z
  .object({
    format: z.literal(PLAN_FORMAT_ID),
    document: z.object({
      type: z.enum(DOCUMENT_TYPES),
      number: nullableText(TEXT_MAX.code),
      symbol: nullableText(TEXT_MAX.code),
      issuer: text(),
      parentBody: nullableText(),
      place: nullableText(),
      date: partialDate.nullable(),
      title: text(TEXT_MAX.title),
      period: z
        .object({ from: year, to: year })
        .refine((p) => p.from <= p.to, { message: 'period.from must not be after period.to', path: ['to'] }),
      signer: z
        .object({
          authority: nullableText(),
          name: nullableText(),
          lines: z
            .array(text())
            .max(10)
            .optional()
            .describe(
              'The lines above the name, in order ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")',
            ),
        })
        .nullable(),
    }),
    text: textPartsSchema.optional(),
    duties: z.array(duty).max(PLAN_LIMITS.duties).optional(),
    references: z.array(reference).max(PLAN_LIMITS.references),
    goals: z.array(goal).max(PLAN_LIMITS.goals),
    tasks: z
      .array(
        z.object({
          code: nullableText(TEXT_MAX.code),
          text: text(TEXT_MAX.long),
          agencies: z.array(text()).max(PLAN_LIMITS.agenciesPerTask),
        }),
      )
      .max(PLAN_LIMITS.tasks)
      .optional(),
    assignments: z
      .array(
        z.object({
          agency: text(),
          role: z
            .enum(['lead', 'coordinate', 'responsible'])
            .describe('`responsible`: an agency the plan gives duties without a target (no targets)'),
          targets: z.array(text(TEXT_MAX.code)).max(PLAN_LIMITS.assignmentTargets),
        }),
      )
      .max(PLAN_LIMITS.assignments),
    deadlines: z
      .array(
        z.object({
          report: z.enum(['6-month', 'annual', 'mid-term', 'final', 'other']),
          due: partialDate
            .refine((s) => s.length === 10, { message: 'Expected a full date YYYY-MM-DD' })
            .nullable()
            .describe('The date as written; null when the plan names the report but no date'),
          before: z
            .boolean()
            .optional()
            .describe('"trước ngày <due>": the report is due the day before the written date'),
          recurrence: z
            .enum(['yearly', 'once'])
            .optional()
            .describe(
              '`yearly`: on the same day every year of the plan; `once` (default): only that date or year',
            ),
          year: year.nullable().optional().describe('The year of a report the plan places without a date'),
          recipient: nullableText(),
          text: nullableText(TEXT_MAX.long).optional().describe('The sentence that sets it, verbatim'),
        }),
      )
      .max(PLAN_LIMITS.deadlines)
      .optional(),
  })
  .superRefine((doc, ctx) => {
    const totals: [keyof typeof PLAN_LIMITS, string, number][] = [
      ['targets', 'goals', doc.goals.reduce((n, g) => n + g.targets.length, 0)],
      [
        'measures',
        'goals',
        doc.goals.reduce((n, g) => n + g.targets.reduce((m, t) => m + t.measures.length, 0), 0),
      ],
      ['assignmentTargets', 'assignments', doc.assignments.reduce((n, a) => n + a.targets.length, 0)],
    ];
    for (const [limit, path, count] of totals) {
      if (count > PLAN_LIMITS[limit]) {
        ctx.addIssue({
          code: 'custom',
          path: [path],
          message: `Too large: ${count} ${limit} in all, at most ${PLAN_LIMITS[limit]}`,
        });
      }
    }
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
      if ((a.role === 'responsible') !== (a.targets.length === 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['assignments', ai, 'targets'],
          message:
            a.role === 'responsible'
              ? 'A `responsible` assignment has no targets'
              : 'A `lead` or `coordinate` assignment names at least one target',
        });
      }
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
    (doc.deadlines ?? []).forEach((d, di) => {
      if (d.due === null && (d.year === undefined || d.year === null) && d.recurrence !== 'yearly') {
        ctx.addIssue({
          code: 'custom',
          path: ['deadlines', di, 'due'],
          message: 'A deadline has a date, a year, or recurs yearly',
        });
      }
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
