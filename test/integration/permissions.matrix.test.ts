import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyRequest, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/connection.js';
import { ROLES, type Action, type Role } from '../../src/domain/permissions.js';
import type { SubmissionStatus } from '../../src/domain/workflow.js';
import { ancestryOf } from '../../src/modules/auth/auth.service.js';
import type { RoutePolicy } from '../../src/core/route-policy.js';
import { createAccount, TEST_PASSWORD } from '../support/factories/accounts.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan, cyclesOf, planDocument, tasksOf } from '../support/factories/plans.js';
import { createTestApp } from '../support/server.js';

/**
 * The permission matrix, generated from the route table: every route the app registers must declare a policy
 * and have a sample request below, which names the action the route must check. Every action route is then called
 * by every role holding its grant on the target unit itself, on a sibling, on another province, on the parent, on
 * the nation (and on a child, for a province or nation target), and must answer 403 exactly when the table
 * `EXPECTED` below (written here, independently of `src/domain/permissions.ts`) says no. Routes whose unit comes
 * from a plan are also aimed at a plan whose issuer does not resolve and that has no owner: only an admin over
 * the nation may act on it. Session routes answer 401 without a session and not with one; public routes answer
 * anonymous callers. The units are those of factory-built provinces, none of them Lạng Sơn.
 */

interface CollectedRoute {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

const collected: CollectedRoute[] = [];
// Demo mode without the demo: the demo accounts' list answers (empty) as a public route.
const ctx = await createTestApp({
  demoMode: true,
  onRoute: (route) => {
    for (const method of [route.method].flat()) {
      collected.push({ method, url: route.url, policy: route.config?.policy });
    }
  },
});
const { app } = ctx;
await app.ready();

afterAll(async () => {
  await ctx.close();
});

const db = ctx.database.db;
/** Workflow steps run on this year, which no other sample touches. */
const WORKFLOW_YEAR = '2027';

/** The province the samples aim at, a second one (the "other province"), and a third far from both. */
const home = await provinceUnits(ctx);
const other = await provinceUnits(ctx);
const far = await provinceUnits(ctx);
const [COMMUNE, SIBLING] = home.communes.map((c) => c.code) as [string, string];
const [SNV, SYT, TK] = ['SNV', 'SYT', 'TK'].map((abbr) => home.agency(abbr)) as [string, string, string];

/**
 * The province's published plan with its cycles: Sở Nội vụ leads a target measured by people reached (BDG-20,
 * reported by communes) and Thống kê tỉnh coordinates one measured by women among masters (BDG-18); one task,
 * naming no agency.
 */
const { id: planId } = await createPlan(ctx, {
  province: home,
  published: true,
  cycles: true,
  targets: [
    { code: '1.1', measures: [{ value: 80, indicator: 'BDG-20' }], lead: ['Sở Nội vụ'] },
    {
      code: '1.2',
      measures: [{ value: 50, indicator: 'BDG-18' }],
      lead: ['Sở Nội vụ'],
      coordinate: ['Thống kê tỉnh'],
    },
  ],
  tasks: [{ code: 'III.1', text: 'Tuyên truyền về bình đẳng giới', agencies: [] }],
});
const targetId = (await app.inject({ method: 'GET', url: `/api/plans/${planId}` })).json<{
  goals: { targets: { id: string }[] }[];
}>().goals[0]!.targets[0]!.id;
const firstCycle = async (id: string) =>
  (await cyclesOf(ctx, id)).sort((a, b) => a.due.localeCompare(b.due))[0]!;
const cycle = await firstCycle(planId);
let cycleVersion = 0;
let planVersion = 0;
/** The cycle a sample aimed at `unit` changes: the plan's, or the plan without an owner's. */
const cycleOf = (unit: string) => (unit === UNOWNED ? unownedCycleRow : cycle);

// ---------------------------------------------------------------------------------------------------------
// Sessions

type Headers = Record<string, string>;

const sessions = new Map<string, Headers>();
/** A signed-in user holding one role over one unit; `fresh` gives a new user (for routes that end sessions). */
async function sessionOf(role: Role, unit: string, fresh = false): Promise<Headers> {
  const key = `${role}@${unit}`;
  if (!fresh && sessions.has(key)) return sessions.get(key)!;
  const { userId: _userId, ...headers } = await ctx.signIn(role, unit);
  if (!fresh) sessions.set(key, headers);
  return headers;
}
/** Someone who signs in with the login route's sample. */
const LOGIN = await createAccount(ctx, { role: 'viewer', unit: home.code });
let userCounter = 0;

// ---------------------------------------------------------------------------------------------------------
// Sample requests, one per route: a new route fails the matrix until it has one here.

interface SampleRequest {
  url: string;
  payload?: InjectOptions['payload'];
  headers?: Headers;
  /** What the route's policy reads besides the body, for checking where the sample is aimed. */
  query?: Record<string, string>;
  params?: Record<string, string>;
}

interface Sample {
  /** The request, aimed at `unit` for action routes (ignored by the others). */
  build: (unit: string) => SampleRequest;
  /** Action routes: the action the route must check (compared with its declared policy). */
  action?: Action;
  /** Action routes: the units to aim at; `UNOWNED` aims at the plan without an owner. */
  targets?: string[];
  /** Puts the data in the state where an allowed caller succeeds (runs before every call). */
  prepare?: (unit: string) => Promise<void>;
  /** Session routes that end or change the session: each call gets a user of its own. */
  freshUser?: boolean;
}

/** Sets the workflow state of a unit's figures for the plan and WORKFLOW_YEAR, nobody as submitter. */
async function setStatus(unit: string, status: SubmissionStatus): Promise<void> {
  await db.execute(sql`
    insert into submissions (plan_id, org_unit_code, period, status)
    values (${planId}, ${unit}, ${WORKFLOW_YEAR}, ${status})
    on conflict (plan_id, org_unit_code, period)
    do update set status = excluded.status, submitted_by = null, approved_by = null`);
}

const FROM: Record<string, SubmissionStatus> = {
  submit: 'draft',
  approve: 'submitted',
  accept: 'approved',
  return: 'submitted',
  reopen: 'accepted',
};

/** Workflow and figure entry are aimed at a commune and at a provincial agency. */
const ENTRY_TARGETS = [COMMUNE, TK];

const TRANSITION_ACTION: Record<string, Action> = {
  submit: 'submission.submit',
  approve: 'submission.approve',
  accept: 'submission.accept',
  return: 'submission.return',
  reopen: 'submission.reopen',
};

const transition = (t: string): Sample => ({
  action: TRANSITION_ACTION[t]!,
  targets: ENTRY_TARGETS,
  prepare: (unit) => setStatus(unit, FROM[t]!),
  build: (unit) => ({
    url: `/api/submissions/${t}`,
    payload: { planId, orgUnit: unit, period: WORKFLOW_YEAR, comment: 'Kiểm tra ma trận quyền' },
  }),
});

const bulk = (t: 'submit' | 'approve' | 'accept'): Sample => ({
  action: TRANSITION_ACTION[t]!,
  targets: ENTRY_TARGETS,
  prepare: (unit) => setStatus(unit, FROM[t]!),
  build: (unit) => ({
    url: `/api/submissions/bulk-${t}`,
    payload: { planId, period: WORKFLOW_YEAR, units: [unit] },
  }),
});

/** A figure each target unit owes: awareness reach at a commune, women among masters at Thống kê tỉnh. */
const FIGURE: Record<string, { indicator: string; numerator: number; denominator: number }> = {
  [COMMUNE]: { indicator: 'BDG-20', numerator: 23_500, denominator: 27_300 },
  [TK]: { indicator: 'BDG-18', numerator: 10, denominator: 20 },
};

/** Plan documents whose issuer resolves to the unit (a national body's to the nation). */
const ISSUER: Record<string, { issuer: string; parentBody: string | null }> = {
  [home.code]: { issuer: home.committee, parentBody: null },
  [SNV]: { issuer: 'Sở Nội vụ', parentBody: home.committee },
  VN: { issuer: 'Chính phủ', parentBody: null },
};
const planDocumentOf = (unit: string) =>
  planDocument({ province: home, document: { ...ISSUER[unit]!, period: { from: 2027, to: 2027 } } });

const enc = encodeURIComponent;

/**
 * A plan whose issuer resolves to no unit, stored without an owner as plans from before owners existed were:
 * routes that find their unit through it must refuse everyone but an admin over the nation.
 */
const UNOWNED = 'unowned';
const { id: unownedPlanId } = await createPlan(ctx, {
  province: home,
  cycles: true,
  document: {
    issuer: 'Ban chỉ đạo không rõ',
    place: null,
    title: 'Kế hoạch không xác định được cơ quan ban hành',
    period: { from: 2027, to: 2027 },
  },
  tasks: [{ code: '1', text: 'Tuyên truyền về bình đẳng giới', agencies: [] }],
});
await db.execute(sql`update plans set owner_unit_code = null where id = ${unownedPlanId}`);
const unownedCycleRow = await firstCycle(unownedPlanId);
const unownedTaskId = (await tasksOf(ctx, unownedPlanId))[0]!.id;
/** A plan of the home province that the publish samples publish and unpublish (the others read `planId`). */
const { id: publishedPlanId } = await createPlan(ctx, {
  province: home,
  document: { title: 'Kế hoạch để công bố và thôi công bố', period: { from: 2027, to: 2027 } },
});
const publishedPlanOf = (unit: string) => (unit === UNOWNED ? unownedPlanId : publishedPlanId);

/** The plan, cycle and task a plan-aimed sample uses for a target. */
const planOf = (unit: string) => (unit === UNOWNED ? unownedPlanId : planId);

/** A unit's report for the first reporting cycle of the plan. */
const report = (part: string, action: Action, targets = ENTRY_TARGETS): Sample => ({
  action,
  targets,
  build: (unit) => ({
    url: `/api/cycles/${cycle.id}/reports/${unit}/${part}`,
    params: { id: cycle.id, unit },
  }),
});
const PDF = Buffer.from('%PDF-1.4\n% ma tran quyen\n%%EOF\n', 'latin1');
const signedUpload = (unit: string): SampleRequest => ({
  ...report('signed', 'submission.submit').build(unit),
  headers: { 'content-type': 'application/pdf' },
  payload: PDF,
});
let draftVersion = 0;
const taskId = (await tasksOf(ctx, planId))[0]!.id;
let taskVersion = 1;
const taskOf = (unit: string) => (unit === UNOWNED ? unownedTaskId : taskId);

/** Registers and the activity log: dates move forward so that every recorded change of holder is a new term. */
/** Section names never used before, and the section each unit's rename and removal samples act on. */
let sectionName = 0;
const nextSectionName = () => `Phòng mẫu ${++sectionName}`;
const sectionOf = new Map<string, string>();
const removableOf = new Map<string, string>();
async function freshSection(unit: string, into = sectionOf): Promise<void> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/org-units/${unit}/sections`,
    headers: await sessionOf('admin', 'VN'),
    payload: { name: nextSectionName() },
  });
  if (res.statusCode !== 201) throw new Error(`section: ${res.statusCode} ${res.body}`);
  into.set(unit, res.json<{ code: string }>().code);
}

let holderDay = 0;
const nextHolderDate = () => new Date(Date.UTC(2026, 0, 1 + ++holderDay)).toISOString().slice(0, 10);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const activityOf = new Map<string, string>();
async function activityFor(unit: string): Promise<string> {
  if (!activityOf.has(unit)) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/org-units/${unit}/activities`,
      headers: await sessionOf('admin', 'VN'),
      payload: { kind: 'meeting', title: 'Họp giao ban về bình đẳng giới', date: '2026-05-10' },
    });
    if (res.statusCode !== 201) throw new Error(`activity: ${res.statusCode} ${res.body}`);
    activityOf.set(unit, res.json<{ id: string }>().id);
  }
  return activityOf.get(unit)!;
}
/** One attachment per unit, for the download route. */
const attachmentOf = new Map<string, string>();
const signedAt = new Set<string>();

/** Reporting regime samples: definitions and cycles with fixed ids, put back before each call that deletes them. */
const REGIME_IDS: Record<string, { final: string; midTerm: string; midTermCycle: string; sixMonth: string }> =
  {
    [planId]: {
      final: '00000000-0000-4000-8000-000000000001',
      midTerm: '00000000-0000-4000-8000-000000000002',
      midTermCycle: '00000000-0000-4000-8000-000000000003',
      sixMonth: '00000000-0000-4000-8000-000000000004',
    },
    [unownedPlanId]: {
      final: '00000000-0000-4000-8000-000000000011',
      midTerm: '00000000-0000-4000-8000-000000000012',
      midTermCycle: '00000000-0000-4000-8000-000000000013',
      sixMonth: '00000000-0000-4000-8000-000000000014',
    },
  };
const regimeOf = (unit: string) => REGIME_IDS[planOf(unit)]!;
async function putDefinition(plan: string, id: string, kind: string): Promise<void> {
  await db.execute(sql`
    insert into report_definitions (id, plan_id, kind, title, content, reporting_entities, recipient, sending_method,
      frequency, cutoff_start, cutoff_end, due_month_day, outline_template, data_form)
    values (${id}, ${plan}, ${kind}, 'Báo cáo', 'Nội dung', 'Các sở', 'Sở Nội vụ', 'Hệ thống', 'Một lần',
      '12-15', '12-14', '11-30', 'Đề cương', 'Biểu mẫu')
    on conflict do nothing`);
}
async function putRegimeRows(unit: string): Promise<void> {
  const plan = planOf(unit);
  const ids = regimeOf(unit);
  await putDefinition(plan, ids.final, 'final');
  await putDefinition(plan, ids.midTerm, 'mid-term');
  await putDefinition(plan, ids.sixMonth, '6-month');
  await db.execute(sql`
    insert into reporting_cycles (id, definition_id, plan_id, kind, year, period, cutoff_from, cutoff_to, due)
    values (${ids.midTermCycle}, ${ids.midTerm}, ${plan}, 'mid-term', 2027, '2027', '2026-12-15', '2027-12-14',
      '2027-11-30')
    on conflict do nothing`);
  await db.execute(sql`
    insert into plan_reporting_units (plan_id, org_unit_code, source) values (${plan}, ${COMMUNE}, 'manual')
    on conflict do nothing`);
}
for (const unit of [home.code, UNOWNED]) await putRegimeRows(unit);
const versionOf = async (table: 'report_definitions' | 'unit_settings', where: ReturnType<typeof sql>) =>
  (await queryRows<{ version: number }>(db, sql`select version from ${sql.raw(table)} where ${where}`))[0]
    ?.version ?? 0;
let definitionVersion = 0;
let settingsVersion = 0;

const SAMPLES: Record<string, Sample> = {
  'GET /api/health': { build: () => ({ url: '/api/health' }) },
  'POST /api/auth/login': {
    build: () => ({
      url: '/api/auth/login',
      payload: { username: LOGIN.username, password: LOGIN.password },
    }),
  },
  'POST /api/auth/logout': { freshUser: true, build: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/session': { build: () => ({ url: '/api/auth/session' }) },
  'POST /api/auth/password': {
    freshUser: true,
    build: () => ({
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2027' },
    }),
  },
  'GET /api/auth/demo-accounts': { build: () => ({ url: '/api/auth/demo-accounts' }) },
  'GET /api/users': { build: () => ({ url: '/api/users' }) },
  'POST /api/users': {
    action: 'user.manage',
    targets: [COMMUNE, home.code],
    build: (unit) => ({
      url: '/api/users',
      payload: {
        username: `taomoi${++userCounter}`,
        displayName: 'Tài khoản mới',
        password: 'mat-khau-tai-khoan-moi',
        grants: [{ role: 'viewer', orgUnitCode: unit }],
      },
    }),
  },
  'GET /api/audit': {
    action: 'audit.read',
    targets: [home.code, COMMUNE],
    build: (unit) => ({ url: `/api/audit?unit=${unit}&limit=5`, query: { unit } }),
  },
  'GET /api/history/observation': {
    build: () => ({ url: `/api/history/observation?key=${enc(`BDG-20|${COMMUNE}|2025|total|||`)}` }),
  },
  'GET /api/plans/:id/history': { build: () => ({ url: `/api/plans/${planId}/history` }) },
  'POST /api/submissions/submit': transition('submit'),
  'POST /api/submissions/approve': transition('approve'),
  'POST /api/submissions/accept': transition('accept'),
  'POST /api/submissions/return': transition('return'),
  'POST /api/submissions/reopen': transition('reopen'),
  'POST /api/submissions/bulk-submit': bulk('submit'),
  'POST /api/submissions/bulk-approve': bulk('approve'),
  'POST /api/submissions/bulk-accept': bulk('accept'),
  'GET /api/submissions': { build: () => ({ url: `/api/submissions?plan=${planId}&period=2025` }) },
  'GET /api/plans': { build: () => ({ url: '/api/plans' }) },
  'GET /api/plans/:id': { build: () => ({ url: `/api/plans/${planId}` }) },
  'GET /api/plans/:id/export': { build: () => ({ url: `/api/plans/${planId}/export` }) },
  'POST /api/plans/import': {
    action: 'plan.manage',
    // VN: a document of "Chính phủ", which a provincial coordinator cannot file.
    targets: [home.code, SNV, 'VN'],
    build: (unit) => ({ url: '/api/plans/import', payload: planDocumentOf(unit) }),
  },
  'GET /api/formats/binhdang.plan-1.schema.json': {
    build: () => ({ url: '/api/formats/binhdang.plan-1.schema.json' }),
  },
  'GET /api/org-units/:code/assignments': { build: () => ({ url: `/api/org-units/${SNV}/assignments` }) },
  'GET /api/org-units': { build: () => ({ url: `/api/org-units?q=${enc(home.communes[0]!.name)}` }) },
  'GET /api/org-units/:code': { build: () => ({ url: `/api/org-units/${COMMUNE}` }) },
  'GET /api/org-units/:code/children': { build: () => ({ url: `/api/org-units/${home.code}/children` }) },
  'GET /api/indicators': { build: () => ({ url: '/api/indicators' }) },
  'GET /api/indicators/:code': { build: () => ({ url: '/api/indicators/BDG-20' }) },
  'POST /api/observations': {
    action: 'observation.write',
    targets: ENTRY_TARGETS,
    build: (unit) => ({
      url: '/api/observations',
      payload: { rows: [{ ...FIGURE[unit]!, orgUnit: unit, period: '2026' }], acknowledgeWarnings: true },
    }),
  },
  'POST /api/observations/import': {
    action: 'observation.write',
    targets: ENTRY_TARGETS,
    build: (unit) => {
      const f = FIGURE[unit]!;
      return {
        url: '/api/observations/import?acknowledgeWarnings=true',
        query: { acknowledgeWarnings: 'true' },
        headers: { 'content-type': 'text/csv' },
        payload: `indicator,org_unit,period,numerator,denominator\n${f.indicator},${unit},2026,${f.numerator},${f.denominator}\n`,
      };
    },
  },
  'GET /api/observations': {
    build: () => ({ url: `/api/observations?indicator=BDG-20&orgUnit=${COMMUNE}` }),
  },
  'GET /api/plans/:id/cycles': { build: () => ({ url: `/api/plans/${planId}/cycles` }) },
  'POST /api/plans/:id/cycles/generate': {
    action: 'plan.manage',
    targets: [home.code, UNOWNED],
    build: (unit) => ({
      url: `/api/plans/${planOf(unit)}/cycles/generate`,
      params: { id: planOf(unit) },
    }),
  },
  'PATCH /api/cycles/:id': {
    action: 'plan.manage',
    targets: [home.code, UNOWNED],
    prepare: async (unit) => {
      cycleVersion = (await cyclesOf(ctx, planOf(unit))).find((c) => c.id === cycleOf(unit).id)!.version;
    },
    build: (unit) => ({
      url: `/api/cycles/${cycleOf(unit).id}`,
      params: { id: cycleOf(unit).id },
      payload: {
        due: cycleOf(unit).due,
        cutoffFrom: cycleOf(unit).cutoffFrom,
        cutoffTo: cycleOf(unit).cutoffTo,
        version: cycleVersion,
      },
    }),
  },
  'GET /api/plans/:id/reporting-units': { build: () => ({ url: `/api/plans/${planId}/reporting-units` }) },
  'POST /api/plans/:id/reporting-units': {
    action: 'plan.manage',
    targets: [home.code, UNOWNED],
    build: (unit) => ({
      url: `/api/plans/${planOf(unit)}/reporting-units`,
      params: { id: planOf(unit) },
      payload: { orgUnit: SIBLING },
    }),
  },
  'PATCH /api/plans/:id/reporting-units/:code': {
    action: 'plan.manage',
    targets: [home.code, UNOWNED],
    prepare: putRegimeRows,
    build: (unit) => ({
      url: `/api/plans/${planOf(unit)}/reporting-units/${COMMUNE}`,
      params: { id: planOf(unit), code: COMMUNE },
      payload: { included: true },
    }),
  },
  'POST /api/plans/:id/definitions': {
    action: 'plan.manage',
    targets: [home.code, UNOWNED],
    prepare: async (unit) => {
      await db.execute(
        sql`delete from report_definitions where plan_id = ${planOf(unit)} and kind = 'other'`,
      );
    },
    build: (unit) => ({
      url: `/api/plans/${planOf(unit)}/definitions`,
      params: { id: planOf(unit) },
      payload: { kind: 'other', title: 'Báo cáo chuyên đề' },
    }),
  },
  'PATCH /api/definitions/:id': {
    action: 'plan.manage',
    targets: [home.code, UNOWNED],
    prepare: async (unit) => {
      definitionVersion = await versionOf('report_definitions', sql`id = ${regimeOf(unit).midTerm}`);
    },
    build: (unit) => ({
      url: `/api/definitions/${regimeOf(unit).midTerm}`,
      params: { id: regimeOf(unit).midTerm },
      payload: { recipient: 'Sở Nội vụ', version: definitionVersion },
    }),
  },
  'DELETE /api/definitions/:id': {
    action: 'plan.manage',
    targets: [home.code, UNOWNED],
    prepare: putRegimeRows,
    build: (unit) => ({
      url: `/api/definitions/${regimeOf(unit).final}`,
      params: { id: regimeOf(unit).final },
    }),
  },
  'POST /api/plans/:id/cycles': {
    action: 'plan.manage',
    targets: [home.code, UNOWNED],
    prepare: async (unit) => {
      await putRegimeRows(unit);
      await db.execute(sql`delete from reporting_cycles where definition_id = ${regimeOf(unit).sixMonth}`);
    },
    build: (unit) => ({
      url: `/api/plans/${planOf(unit)}/cycles`,
      params: { id: planOf(unit) },
      payload: { definitionId: regimeOf(unit).sixMonth, year: 2027, due: '2027-06-05' },
    }),
  },
  'DELETE /api/cycles/:id': {
    action: 'plan.manage',
    targets: [home.code, UNOWNED],
    prepare: putRegimeRows,
    build: (unit) => ({
      url: `/api/cycles/${regimeOf(unit).midTermCycle}`,
      params: { id: regimeOf(unit).midTermCycle },
    }),
  },
  'GET /api/org-units/:code/reporting-settings': {
    build: () => ({ url: `/api/org-units/${home.code}/reporting-settings` }),
  },
  'PUT /api/org-units/:code/reporting-settings': {
    action: 'plan.manage',
    targets: [home.code],
    prepare: async (unit) => {
      settingsVersion = await versionOf('unit_settings', sql`org_unit_code = ${unit}`);
    },
    build: (unit) => ({
      url: `/api/org-units/${unit}/reporting-settings`,
      params: { code: unit },
      payload: { sixMonth: false, sixMonthDue: '06-05', annualDue: '11-30', version: settingsVersion },
    }),
  },
  'POST /api/plans/:id/unpublish': {
    action: 'plan.publish',
    targets: [home.code, UNOWNED],
    build: (unit) => ({
      url: `/api/plans/${publishedPlanOf(unit)}/unpublish`,
      params: { id: publishedPlanOf(unit) },
    }),
  },
  'POST /api/plans/:id/publish': {
    action: 'plan.publish',
    targets: [home.code, UNOWNED],
    build: (unit) => ({
      url: `/api/plans/${publishedPlanOf(unit)}/publish`,
      params: { id: publishedPlanOf(unit) },
    }),
  },
  'PATCH /api/plans/:id/identity': {
    action: 'plan.manage',
    targets: [home.code, UNOWNED],
    prepare: async (unit) => {
      planVersion = (
        await queryRows<{ version: number }>(db, sql`select version from plans where id = ${planOf(unit)}`)
      )[0]!.version;
    },
    build: (unit) => ({
      url: `/api/plans/${planOf(unit)}/identity`,
      params: { id: planOf(unit) },
      payload: { number: null, symbol: 'KH-UBND', date: '2026', version: planVersion },
    }),
  },
  'GET /api/cycles/:id/completeness': { build: () => ({ url: `/api/cycles/${cycle.id}/completeness` }) },
  'GET /api/plans/:id/timeliness': { build: () => ({ url: `/api/plans/${planId}/timeliness` }) },
  'GET /api/org-units/:code/calendar.ics': {
    build: () => ({ url: `/api/org-units/${COMMUNE}/calendar.ics` }),
  },
  'GET /api/org-units/:code/calendar': { build: () => ({ url: `/api/org-units/${COMMUNE}/calendar` }) },
  'GET /api/notifications': { build: () => ({ url: '/api/notifications' }) },
  'GET /api/cycles/:id/reports/:unit/draft': report('draft', 'unit.read'),
  'GET /api/cycles/:id/reports/:unit/document': report('document', 'unit.read', [COMMUNE]),
  'PUT /api/cycles/:id/reports/:unit/draft': {
    ...report('draft', 'submission.submit'),
    prepare: async (unit) => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/cycles/${cycle.id}/reports/${unit}/draft`,
        headers: await sessionOf('admin', 'VN'),
      });
      draftVersion = res.json<{ version: number }>().version;
    },
    build: (unit) => ({
      ...report('draft', 'submission.submit').build(unit),
      payload: {
        activities: 'Tuyên truyền về bình đẳng giới',
        difficulties: '',
        proposals: '',
        signerAuthority: 'CHỦ TỊCH',
        signerName: 'Nguyễn Văn A',
        recipients: ['Sở Nội vụ'],
        version: draftVersion,
      },
    }),
  },
  // Rendering takes a while; the unit comes from the path as for the draft, so one target is enough.
  'GET /api/cycles/:id/reports/:unit/report.docx': report('report.docx', 'unit.read', [COMMUNE]),
  'GET /api/cycles/:id/reports/:unit/appendix.xlsx': report('appendix.xlsx', 'unit.read', [COMMUNE]),
  'POST /api/cycles/:id/reports/:unit/signed': {
    ...report('signed', 'submission.submit'),
    build: signedUpload,
  },
  'GET /api/cycles/:id/reports/:unit/signed.pdf': {
    ...report('signed.pdf', 'unit.read'),
    prepare: async (unit) => {
      if (signedAt.has(unit)) return;
      const req = signedUpload(unit);
      const res = await app.inject({
        method: 'POST',
        url: req.url,
        headers: { ...req.headers, ...(await sessionOf('admin', 'VN')) },
        payload: PDF,
      });
      if (res.statusCode !== 200) throw new Error(`signed upload: ${res.statusCode} ${res.body}`);
      signedAt.add(unit);
    },
  },
  'GET /api/org-units/:code/leadership': { build: () => ({ url: `/api/org-units/${COMMUNE}/leadership` }) },
  'POST /api/org-units/:code/leadership': {
    action: 'observation.write',
    targets: [COMMUNE, SNV],
    build: (unit) => ({
      url: `/api/org-units/${unit}/leadership`,
      params: { code: unit },
      payload: {
        position: 'Người đứng đầu',
        isKeyLeader: true,
        holderSex: 'female',
        fromDate: nextHolderDate(),
      },
    }),
  },
  'GET /api/org-units/:code/staff': { build: () => ({ url: `/api/org-units/${COMMUNE}/staff` }) },
  'PUT /api/org-units/:code/staff': {
    action: 'observation.write',
    targets: [COMMUNE, SNV],
    build: (unit) => ({
      url: `/api/org-units/${unit}/staff`,
      params: { code: unit },
      payload: { asOf: '2026-06-30', female: 12, male: 10 },
    }),
  },
  'POST /api/org-units/:code/sections': {
    action: 'section.manage',
    targets: [COMMUNE, SNV],
    build: (unit) => ({
      url: `/api/org-units/${unit}/sections`,
      params: { code: unit },
      payload: { name: nextSectionName() },
    }),
  },
  'PATCH /api/org-units/:code/sections/:section': {
    action: 'section.manage',
    targets: [COMMUNE, SNV],
    prepare: async (unit) => {
      if (!sectionOf.has(unit)) await freshSection(unit);
    },
    build: (unit) => ({
      url: `/api/org-units/${unit}/sections/${sectionOf.get(unit) ?? `${unit}-1`}`,
      params: { code: unit, section: sectionOf.get(unit) ?? `${unit}-1` },
      payload: { name: nextSectionName() },
    }),
  },
  'DELETE /api/org-units/:code/sections/:section': {
    action: 'section.manage',
    targets: [COMMUNE, SNV],
    prepare: (unit) => freshSection(unit, removableOf),
    build: (unit) => ({
      url: `/api/org-units/${unit}/sections/${removableOf.get(unit) ?? `${unit}-1`}`,
      params: { code: unit, section: removableOf.get(unit) ?? `${unit}-1` },
    }),
  },
  'GET /api/org-units/:code/activities': {
    build: () => ({ url: `/api/org-units/${COMMUNE}/activities?kind=communication` }),
  },
  'POST /api/org-units/:code/activities': {
    action: 'activity.write',
    targets: [COMMUNE, SNV],
    build: (unit) => ({
      url: `/api/org-units/${unit}/activities`,
      params: { code: unit },
      payload: {
        kind: 'communication',
        title: 'Tin bài 8/3',
        channel: 'portal',
        date: '2026-03-08',
        occasion: '8-3',
      },
    }),
  },
  'POST /api/activities/:id/attachments': {
    action: 'activity.write',
    targets: [COMMUNE, SNV],
    build: (unit) => ({
      url: `/api/activities/${activityOf.get(unit) ?? ''}/attachments`,
      params: { id: activityOf.get(unit) ?? '' },
      headers: { 'content-type': 'image/png', 'x-file-name': 'anh.png' },
      payload: PNG,
    }),
  },
  'GET /api/attachments/:id': {
    action: 'unit.read',
    targets: [COMMUNE, SNV],
    build: (unit) => ({
      url: `/api/attachments/${attachmentOf.get(unit)}`,
      params: { id: attachmentOf.get(unit)! },
    }),
  },
  'POST /api/plans/:id/drafts': {
    action: 'plan.draft',
    targets: [SNV, COMMUNE],
    // One plan per unit and year: the previous caller's draft is unlinked so that the next one may draft again.
    prepare: async (unit) => {
      await queryRows(
        db,
        sql`update plan_references set linked_plan_id = null
            where linked_plan_id = ${planId} and relation = 'implements'
              and plan_id in (select id from plans where owner_unit_code = ${unit})`,
      );
      await queryRows(
        db,
        sql`update plans set drafted_from_plan_id = null
            where drafted_from_plan_id = ${planId} and owner_unit_code = ${unit}`,
      );
    },
    build: (unit) => ({ url: `/api/plans/${planId}/drafts`, payload: { unit, year: 2027 } }),
  },
  'GET /api/plans/:id/plan.docx': { build: () => ({ url: `/api/plans/${planId}/plan.docx` }) },
  'GET /api/plans/:id/tasks': { build: () => ({ url: `/api/plans/${planId}/tasks` }) },
  'PATCH /api/tasks/:id': {
    action: 'task.update',
    targets: [home.code, UNOWNED],
    prepare: async (unit) => {
      taskVersion = (await tasksOf(ctx, planOf(unit))).find((t) => t.id === taskOf(unit))!.version;
    },
    build: (unit) => ({
      url: `/api/tasks/${taskOf(unit)}`,
      params: { id: taskOf(unit) },
      payload: {
        status: 'in_progress',
        startDate: null,
        dueDate: null,
        evidence: null,
        version: taskVersion,
      },
    }),
  },
  'GET /api/plans/:id/progress': { build: () => ({ url: `/api/plans/${planId}/progress` }) },
  'GET /api/targets/:id/progress': { build: () => ({ url: `/api/targets/${targetId}/progress` }) },
};

/** Fastify answers HEAD for every GET route with the GET route's options: the GET sample serves both. */
const sampleOf = (r: CollectedRoute) => SAMPLES[`${r.method === 'HEAD' ? 'GET' : r.method} ${r.url}`];

// ---------------------------------------------------------------------------------------------------------
// Grants relative to a target unit

type Relation = 'own' | 'sibling' | 'other province' | 'parent' | 'nation' | 'child';
const RELATIVES: Record<string, Partial<Record<Relation, string>>> = {
  [COMMUNE]: {
    own: COMMUNE,
    sibling: SIBLING,
    'other province': other.code,
    parent: home.code,
    nation: 'VN',
  },
  [TK]: { own: TK, sibling: SNV, 'other province': other.agency('TK'), parent: home.code, nation: 'VN' },
  [SNV]: { own: SNV, sibling: SYT, 'other province': other.agency('SNV'), parent: home.code, nation: 'VN' },
  [home.code]: { own: home.code, sibling: other.code, parent: 'VN', child: COMMUNE },
  VN: { own: 'VN', child: home.code },
};
/** Grants tried on the plan without an owner: its former province, a far province and its commune, the nation. */
const UNOWNED_GRANT_UNITS = [home.code, COMMUNE, SNV, far.code, far.communes[0]!.code, 'VN'];

// ---------------------------------------------------------------------------------------------------------
// Expectations, written independently of the production rules: where each role may take each action.
// subtree: on its unit and everything under it; own: on its unit only; none: nowhere.

type Scope = 'subtree' | 'own' | 'none';
const EXPECTED: Record<Action, Record<Role, Scope>> = {
  'unit.read': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'subtree',
    reporter: 'subtree',
    viewer: 'subtree',
  },
  'observation.write': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'own',
    viewer: 'none',
  },
  'submission.submit': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'own',
    viewer: 'none',
  },
  'submission.approve': {
    admin: 'subtree',
    coordinator: 'none',
    approver: 'own',
    reporter: 'none',
    viewer: 'none',
  },
  'submission.accept': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'none',
    viewer: 'none',
  },
  'submission.return': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'own',
    reporter: 'none',
    viewer: 'none',
  },
  'submission.reopen': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'none',
    viewer: 'none',
  },
  'plan.manage': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'none',
    viewer: 'none',
  },
  'plan.draft': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'own',
    reporter: 'own',
    viewer: 'none',
  },
  'plan.publish': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'own',
    reporter: 'none',
    viewer: 'none',
  },
  'activity.write': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'own',
    viewer: 'none',
  },
  'task.update': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'own',
    reporter: 'own',
    viewer: 'none',
  },
  'indicator.manage': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'none',
    viewer: 'none',
  },
  'section.manage': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'own',
    reporter: 'none',
    viewer: 'none',
  },
  'user.manage': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'none',
    viewer: 'none',
  },
  'audit.read': {
    admin: 'subtree',
    coordinator: 'subtree',
    approver: 'none',
    reporter: 'none',
    viewer: 'none',
  },
};

/** Whether a role held over a unit standing in `relation` to the target may take `action` there. */
function expectedAllowed(action: Action, role: Role, relation: Relation): boolean {
  const scope = EXPECTED[action][role];
  if (relation === 'own') return scope !== 'none';
  if (relation === 'parent' || relation === 'nation') return scope === 'subtree';
  return false;
}

const isApi = (url: string) =>
  url.startsWith('/api/') && !(url === '/api/docs' || url.startsWith('/api/docs/'));
const apiRoutes = collected.filter((r) => isApi(r.url));
const key = (r: CollectedRoute) => `${r.method} ${r.url}`;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const auditCount = async () =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int n from audit_log`))[0]!.n;

interface Outcome {
  res: LightMyRequestResponse;
  audited: number;
}

async function call(route: CollectedRoute, req: SampleRequest, headers: Headers = {}): Promise<Outcome> {
  const before = await auditCount();
  const res = await app.inject({
    method: route.method as InjectOptions['method'],
    url: req.url,
    headers: { ...req.headers, ...headers },
    ...(req.payload !== undefined && route.method !== 'HEAD' ? { payload: req.payload } : {}),
  });
  return { res, audited: (await auditCount()) - before };
}

let combinations = 0;
const allViolations: string[] = [];

/** What went wrong with one call, or null: the status class, and the audit rule (a write audits once, a refusal never). */
function judge(
  route: CollectedRoute,
  who: string,
  { res, audited }: Outcome,
  expected: 'ok' | 'not-401' | 401 | 403,
): string | null {
  combinations++;
  const status = res.statusCode;
  const fine =
    expected === 'ok'
      ? status >= 200 && status < 300
      : expected === 'not-401'
        ? status !== 401 && status < 500
        : status === expected;
  const body = route.method === 'HEAD' ? '' : ` ${res.body.slice(0, 200)}`;
  if (!fine) return `${key(route)} as ${who}: expected ${expected}, got ${status}${body}`;
  if (WRITES.has(route.method)) {
    const want = status < 300 ? 1 : 0;
    if (audited !== want)
      return `${key(route)} as ${who}: ${status} wrote ${audited} audit rows, not ${want}`;
  }
  return null;
}

async function checkRoute(route: CollectedRoute): Promise<string[]> {
  const sample = sampleOf(route)!;
  const policy = route.policy!;
  const violations: string[] = [];
  const note = (v: string | null) => {
    if (v) violations.push(v);
  };

  if (policy.access === 'public') {
    note(judge(route, 'anonymous', await call(route, sample.build(home.code)), 'ok'));
    return violations;
  }

  if (policy.access === 'session') {
    note(judge(route, 'anonymous', await call(route, sample.build(home.code)), 401));
    for (const role of ROLES) {
      // A role over the province reads everything the samples ask for; over a commune it is at least signed in.
      for (const [unit, expected] of [
        [home.code, 'ok'],
        [COMMUNE, 'not-401'],
      ] as const) {
        const headers = await sessionOf(role, unit, sample.freshUser);
        note(judge(route, `${role}@${unit}`, await call(route, sample.build(unit), headers), expected));
      }
    }
    return violations;
  }

  if (policy.action !== sample.action) {
    return [`${key(route)}: checks ${policy.action}, the matrix expects ${sample.action}`];
  }
  for (const target of sample.targets ?? []) {
    const req = sample.build(target);
    // The sample must aim where the test thinks: the policy finds exactly the target unit in it (no unit at all
    // for the plan without an owner).
    const found = await policy.units({
      body: req.payload,
      query: req.query ?? {},
      params: req.params ?? {},
    } as unknown as FastifyRequest);
    const aim = target === UNOWNED ? [] : [target];
    if (JSON.stringify([...new Set(found)]) !== JSON.stringify(aim)) {
      violations.push(`${key(route)}: sample for ${target} is aimed at ${JSON.stringify(found)}`);
      continue;
    }
    await sample.prepare?.(target);
    note(judge(route, `anonymous→${target}`, await call(route, sample.build(target)), 401));
    const grants: [string, string, boolean][] =
      target === UNOWNED
        ? UNOWNED_GRANT_UNITS.flatMap((unit) =>
            ROLES.map((role): [string, string, boolean] => [role, unit, role === 'admin' && unit === 'VN']),
          )
        : Object.entries(RELATIVES[target]!).flatMap(([relation, unit]) =>
            ROLES.map((role): [string, string, boolean] => [
              role,
              unit,
              expectedAllowed(sample.action!, role, relation as Relation),
            ]),
          );
    for (const [role, unit, allowed] of grants) {
      await sample.prepare?.(target);
      const outcome = await call(route, sample.build(target), await sessionOf(role as Role, unit));
      note(judge(route, `${role}@${unit} (→ ${target})`, outcome, allowed ? 'ok' : 403));
    }
  }
  return violations;
}

// Activities to attach files to (aimed at by the attachment routes), each with one attachment to download.
for (const unit of [COMMUNE, SNV]) {
  const activityId = await activityFor(unit);
  const res = await app.inject({
    method: 'POST',
    url: `/api/activities/${activityId}/attachments`,
    headers: { ...(await sessionOf('admin', 'VN')), 'content-type': 'image/png', 'x-file-name': 'anh.png' },
    payload: PNG,
  });
  if (res.statusCode !== 201) throw new Error(`attachment: ${res.statusCode} ${res.body}`);
  attachmentOf.set(unit, res.json<{ id: string }>().id);
}

describe('the route table', () => {
  it('lists the API routes', () => {
    expect(apiRoutes.length).toBeGreaterThan(30);
    expect(apiRoutes.map(key)).toContain('POST /api/submissions/approve');
  });

  it('has a declared policy on every /api route', () => {
    expect(apiRoutes.filter((r) => !r.policy).map(key)).toEqual([]);
  });

  it('has a sample request for every /api route, and no sample for a route that is gone', () => {
    expect(apiRoutes.filter((r) => !sampleOf(r)).map(key)).toEqual([]);
    const known = new Set(apiRoutes.map(key));
    expect(Object.keys(SAMPLES).filter((k) => !known.has(k))).toEqual([]);
  });

  it('aims every action route at units, and only action routes', () => {
    for (const r of apiRoutes) {
      const s = sampleOf(r);
      if (!r.policy || !s) continue;
      expect(r.policy.access === 'action', key(r)).toBe((s.targets?.length ?? 0) > 0);
    }
  });

  it('knows the grants it hands out: each relative relates to its target as named', async () => {
    for (const [target, relatives] of Object.entries(RELATIVES)) {
      const ancestry = await ancestryOf(db, target);
      for (const [relation, unit] of Object.entries(relatives)) {
        expect((await app.inject({ method: 'GET', url: `/api/org-units/${unit}` })).statusCode, unit).toBe(
          200,
        );
        const own = await ancestryOf(db, unit);
        const expected: Record<Relation, boolean> = {
          own: unit === target,
          parent: ancestry[1] === unit,
          nation: unit === 'VN',
          sibling: own[1] === ancestry[1] && unit !== target,
          'other province': !ancestry.includes(unit) && !own.includes(ancestry[ancestry.length - 2]!),
          child: own[1] === target,
        };
        expect(expected[relation as Relation], `${relation} ${unit} of ${target}`).toBe(true);
      }
    }
  });
});

describe('the permission matrix', () => {
  const testable = apiRoutes.filter((r) => r.policy && sampleOf(r));
  it.each(testable.map((r) => [key(r), r] as const))('%s', { timeout: 180_000 }, async (_name, route) => {
    const violations = await checkRoute(route);
    allViolations.push(...violations);
    expect(violations).toEqual([]);
  });

  it('checked every combination with no violation', () => {
    console.info(`permission matrix: ${combinations} combinations over ${testable.length} routes`);
    expect(combinations).toBeGreaterThan(500);
    expect(allViolations).toEqual([]);
  });
});
