import type { Comparator, MeasurePeriod, MeasureUnit } from '../../../src/domain/measure.js';
import type { PlanDocument } from '../../../src/modules/plans/plan-format.js';
import { importPlan } from '../../../src/modules/plans/plans.service.js';
import { asAdmin, requestAs } from './accounts.js';
import { expectStatus, type AppUnderTest, type Session } from './app.js';
import { provinceUnits, type ProvinceUnits } from './org-units.js';

/** A `binhdang.plan/1` document, as a test builds and changes it. */
export type PlanDoc = PlanDocument;

export interface MeasureSpec {
  value?: number;
  unit?: MeasureUnit;
  comparator?: Comparator;
  /** Defaults to the last year of the plan. */
  year?: number | null;
  baseline?: { value: number; year: number | null } | null;
  per?: MeasurePeriod | null;
  indicator?: string;
  label?: string;
}

export interface TargetSpec {
  code: string;
  text?: string;
  /** Defaults to one measure: ≥ 50% by the plan's last year. */
  measures?: MeasureSpec[];
  /** Agencies, as the document names them, that lead the target and that coordinate it. */
  lead?: string[];
  coordinate?: string[];
}

export interface GoalSpec {
  code: string;
  title?: string;
  targets: TargetSpec[];
}

export interface PlanSpec {
  /** Whose People's Committee issues the plan, unless `document.issuer` says otherwise; Cao Bằng by default. */
  province?: Pick<ProvinceUnits, 'name' | 'committee'>;
  /** Any field of the document part; the period defaults to 2026–2030 and the number to a new one. */
  document?: Partial<PlanDoc['document']>;
  /** Defaults to goal 1 with target 1.1. */
  goals?: GoalSpec[];
  /** Instead of `goals`: the targets alone, each in the goal its code begins with (`3.2` in goal 3). */
  targets?: TargetSpec[];
  tasks?: PlanDoc['tasks'];
  references?: PlanDoc['references'];
  deadlines?: PlanDoc['deadlines'];
  /** Duty paragraphs of "Tổ chức thực hiện", and clauses for a class of units (`covers`). */
  duties?: PlanDoc['duties'];
  /** Assignments besides those the targets' `lead` and `coordinate` lists make. */
  assignments?: PlanDoc['assignments'];
}

const CAO_BANG = { name: 'Cao Bằng', committee: 'UBND tỉnh Cao Bằng' };
let documentNumber = 0;

/**
 * A valid plan document with sensible defaults: what a test does not state is filled in. Each document gets a
 * number of its own, so that plans never link up by type, number and symbol by accident.
 */
export function planDocument(spec: PlanSpec = {}): PlanDoc {
  const province = spec.province ?? CAO_BANG;
  const number = String(1000 + ++documentNumber);
  const period = spec.document?.period ?? { from: 2026, to: 2030 };
  const goals =
    spec.goals ??
    (spec.targets ? goalsOf(spec.targets) : [{ code: '1', title: 'Chính trị', targets: [{ code: '1.1' }] }]);
  const assignments = new Map<string, PlanDoc['assignments'][number]>();
  for (const target of goals.flatMap((g) => g.targets)) {
    for (const role of ['lead', 'coordinate'] as const) {
      for (const agency of target[role] ?? []) {
        const key = `${role}|${agency}`;
        if (!assignments.has(key)) assignments.set(key, { agency, role, targets: [] });
        assignments.get(key)!.targets.push(target.code);
      }
    }
  }
  return {
    format: 'binhdang.plan/1',
    document: {
      type: 'KH',
      number,
      symbol: 'KH-UBND',
      issuer: province.committee,
      parentBody: null,
      place: province.name,
      date: `${period.from}-01-15`,
      title: `Kế hoạch thực hiện công tác bình đẳng giới số ${number}`,
      signer: null,
      ...spec.document,
      period,
    },
    references: spec.references ?? [],
    goals: goals.map((g) => ({
      code: g.code,
      title: g.title ?? `Mục tiêu ${g.code}`,
      targets: g.targets.map((t) => ({
        code: t.code,
        text: t.text ?? `chỉ tiêu ${t.code}`,
        measures: (t.measures ?? [{}]).map((m) => ({
          value: 50,
          unit: '%' as const,
          comparator: '>=' as const,
          year: period.to,
          baseline: null,
          per: null,
          ...m,
        })),
      })),
    })),
    ...(spec.tasks ? { tasks: spec.tasks } : {}),
    assignments: [...assignments.values(), ...(spec.assignments ?? [])],
    ...(spec.deadlines ? { deadlines: spec.deadlines } : {}),
    ...(spec.duties ? { duties: spec.duties } : {}),
  };
}

/** Targets grouped into the goals their codes name (`3.2` → goal 3), in the order the goals first appear. */
function goalsOf(targets: TargetSpec[]): GoalSpec[] {
  const goals = new Map<string, GoalSpec>();
  for (const target of targets) {
    const code = target.code.split('.')[0]!;
    if (!goals.has(code)) goals.set(code, { code, targets: [] });
    goals.get(code)!.targets.push(target);
  }
  return [...goals.values()];
}

/**
 * The one goal of a health sector plan: the sex ratio at birth down to at most 110 boys per 100 girls (target 1.1),
 * led by `lead` as the document names it.
 */
export function sexRatioAtBirthGoal(lead: string): GoalSpec {
  return {
    code: '1',
    title: 'Y tế',
    targets: [
      {
        code: '1.1',
        text: 'tỷ số giới tính khi sinh',
        measures: [{ value: 110, unit: 'per100', comparator: '<=' }],
        lead: [lead],
      },
    ],
  };
}

export interface CreatedPlan {
  id: string;
  document: PlanDoc;
  province: ProvinceUnits;
}

/**
 * A plan of a province, imported. Needs a province (the next test province when not given) whose People's
 * Committee issues it. Imported over HTTP by `by` (an admin over the nation when not given), unpublished as any
 * import is; `published` imports it through the plans service instead, published as the demo plan is, for
 * tests of what anonymous callers see. `cycles` generates its reporting cycles.
 */
export async function createPlan(
  t: AppUnderTest,
  spec: Omit<PlanSpec, 'province'> & {
    province?: ProvinceUnits;
    by?: Session;
    published?: boolean;
    cycles?: boolean;
  } = {},
): Promise<CreatedPlan> {
  const province = spec.province ?? (await provinceUnits(t));
  const document = planDocument({ ...spec, province });
  let id: string;
  if (spec.published) {
    id = await importPlan({ db: t.database.db, now: t.now }, document, { published: true });
  } else {
    const request = { method: 'POST' as const, url: '/api/plans/import', payload: document };
    const res = await requestAs(t, request, spec.by);
    id = expectStatus<{ id: string }>(res, 201, 'plan import').id;
  }
  if (spec.cycles) {
    const res = await asAdmin(t, { method: 'POST', url: `/api/plans/${id}/cycles/generate` });
    expectStatus(res, 200, 'cycles');
  }
  return { id, document, province };
}

/** The plan as GET /api/plans/{id}/export gives it (binhdang.plan/1), read by `by` (an admin when not given). */
export async function exportedPlan(t: AppUnderTest, planId: string, by?: Session): Promise<PlanDoc> {
  const res = await requestAs(t, { method: 'GET', url: `/api/plans/${planId}/export` }, by);
  return expectStatus<PlanDoc>(res, 200, 'plan export');
}

/** The plan's tasks as GET /api/plans/{id}/tasks lists them (id, code, version …). */
export async function tasksOf(
  t: AppUnderTest,
  planId: string,
): Promise<{ id: string; code: string | null; version: number; status: string }[]> {
  const res = await asAdmin(t, { method: 'GET', url: `/api/plans/${planId}/tasks` });
  return expectStatus<{ items: { id: string; code: string | null; version: number; status: string }[] }>(
    res,
    200,
    'tasks',
  ).items;
}

/** The plan's reporting cycles as GET /api/plans/{id}/cycles lists them. */
export async function cyclesOf(t: AppUnderTest, planId: string): Promise<PlanCycle[]> {
  const res = await asAdmin(t, { method: 'GET', url: `/api/plans/${planId}/cycles` });
  return expectStatus<{ cycles: PlanCycle[] }>(res, 200, 'cycles').cycles;
}

export interface PlanCycle {
  id: string;
  kind: string;
  year: number;
  period: string;
  due: string;
  cutoffFrom: string;
  cutoffTo: string;
  version: number;
}
