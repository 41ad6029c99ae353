import { unitTitle } from '../../domain/issuer.js';
import { formatDayVi } from '../../domain/partial-date.js';
import { periodWords } from '../../domain/period.js';
import type { Database, Executor } from '../../db/connection.js';
import {
  DEFAULT_DEFINITIONS,
  fixedDates,
  regimeOf,
  reportingSettings,
  timelinessOf,
  type ReportingSettings,
  type ReportKind,
  type Timeliness,
} from '../../domain/cycles.js';
import { AppError, notFound } from '../../core/errors.js';
import { canReadUnit, readableUnits } from '../auth/auth.service.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/audit.repository.js';
import type { Actor } from '../../core/actor.js';
import { findOrgUnit, type OrgUnitRecord } from '../org-units/org-units.repository.js';
import { findPlan, type PlanRow } from '../plans/plans.repository.js';
import { listPlans, planOwnerUnits, requirePlan } from '../plans/plans.service.js';
import {
  deriveReportingUnits,
  findCycle,
  findCycles,
  findDefinitions,
  findNotificationsOfUnits,
  findObligations,
  findPlanDeadlines,
  findProvinceOf,
  findSettings,
  findStoredReportingUnits,
  findSubmissionsOfPlanYear,
  insertDefinition,
  insertMissingCycles,
  insertReportingUnits,
  updateCycleDatesAtVersion,
  type CycleRow,
  type DefinitionRow,
  type NotificationRow,
  type ReportingUnitSource,
} from './reporting.repository.js';

export interface ReportingDeps {
  db: Database;
  now: () => Date;
}

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The owner unit of the plan a cycle belongs to (for permission checks). */
export async function cycleOwnerUnits(db: Database, cycleId: string | null): Promise<string[]> {
  const cycle = cycleId ? await findCycle(db, cycleId) : undefined;
  return planOwnerUnits(db, cycle?.planId);
}

/** A plan's report definitions and cycles, for whoever may read the plan. */
export async function planCycles(
  deps: ReportingDeps,
  planId: string,
  actor: Actor | null,
): Promise<{ definitions: DefinitionRow[]; cycles: CycleRow[] }> {
  await requirePlan(deps, planId, actor);
  return { definitions: await findDefinitions(deps.db, planId), cycles: await findCycles(deps.db, planId) };
}

/** The texts a new definition of `kind` starts with (the defaults of docs/DOMAIN.md §4). */
export function definitionTexts(kind: ReportKind, recipient?: string | null) {
  const d = DEFAULT_DEFINITIONS.find((x) => x.kind === kind)!;
  return {
    title: d.title,
    content: d.content,
    frequency: d.frequency,
    reportingEntities: 'Các sở, ban, ngành được giao chỉ tiêu, nhiệm vụ; UBND các xã, phường',
    recipient: recipient ?? 'Sở Nội vụ (cơ quan thường trực Ban vì sự tiến bộ của phụ nữ tỉnh)',
    sendingMethod: 'Hệ thống Bình Đẳng và văn bản điện tử có chữ ký số',
    outlineTemplate:
      'I. Kết quả thực hiện; II. Tình hình báo cáo, số liệu còn thiếu; III. Hoạt động đã triển khai; IV. Khó khăn, vướng mắc; V. Đề xuất, kiến nghị; Phụ lục số liệu',
    dataForm: 'Phụ lục: kết quả thực hiện các chỉ tiêu, số liệu tách biệt theo giới tính',
  };
}

/** The reporting settings of the province a plan belongs to (defaults when it has none). */
async function settingsForPlan(db: Executor, plan: PlanRow): Promise<ReportingSettings> {
  const unit = plan.ownerUnitCode ?? plan.issuerUnitCode;
  const province = unit ? await findProvinceOf(db, unit) : null;
  return reportingSettings(province ? (await findSettings(db, province))?.reporting : undefined);
}

/**
 * Stores the list of who owes a plan's reports, derived from the plan, unless a list is stored already (the
 * coordinator's edits are kept). Returns how many units it stored.
 */
export async function storeReportingUnitsOnce(tx: Executor, planId: string): Promise<number> {
  if ((await findStoredReportingUnits(tx, planId)).length > 0) return 0;
  const derived = new Map<string, ReportingUnitSource>();
  for (const r of await deriveReportingUnits(tx, planId))
    if (!derived.has(r.code)) derived.set(r.code, r.source);
  await insertReportingUnits(
    tx,
    planId,
    [...derived].map(([code, source]) => ({ code, source })),
  );
  return derived.size;
}

/**
 * Creates the plan's report definitions and their cycles where missing, as its deadlines and its province's
 * settings make them (`regimeOf`), for every year of the plan or for `year` only; stores who owes its reports the
 * first time. One transaction, one audit row. Existing definitions and cycles, and any edits to them, are kept;
 * a definition or cycle the coordinator deleted comes back only when this is asked for again.
 */
export async function ensureCycles(
  deps: ReportingDeps,
  planId: string,
  actor: AuditActor | null,
  year?: number,
  /** `audit: false` for a caller whose own audit row covers this (an import that generates the cycles). */
  options: { audit?: boolean } = {},
): Promise<CycleRow[]> {
  const plan = await findPlan(deps.db, planId);
  if (!plan) throw notFound(`Kế hoạch ${planId}`);
  if (year !== undefined && (year < plan.periodFrom || year > plan.periodTo)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Năm ${year} nằm ngoài giai đoạn ${plan.periodFrom}–${plan.periodTo} của kế hoạch`,
      [{ path: '$.body.year', message: `Chọn một năm từ ${plan.periodFrom} đến ${plan.periodTo}` }],
    );
  }
  const deadlines = await findPlanDeadlines(deps.db, planId);
  const regime = regimeOf(
    { from: plan.periodFrom, to: plan.periodTo },
    deadlines.map((d) => ({ ...d, report: d.report as ReportKind })),
    await settingsForPlan(deps.db, plan),
  );
  await deps.db.transaction(async (tx) => {
    const existing = await findDefinitions(tx, planId);
    const created: string[] = [];
    for (const r of regime) {
      let def = existing.find((e) => e.kind === r.kind);
      if (!def) {
        const recipient = deadlines.find((d) => d.report === r.kind && d.recipient)?.recipient;
        def = await insertDefinition(tx, {
          planId,
          kind: r.kind,
          ...definitionTexts(r.kind, recipient),
          cutoffStart: r.cutoffStart,
          cutoffEnd: r.cutoffEnd,
          dueMonthDay: r.dueMonthDay,
        });
        created.push(r.kind);
      }
      const definitionId = def.id;
      await insertMissingCycles(
        tx,
        r.cycles
          .filter((c) => year === undefined || c.year === year)
          .map((c) => ({ ...c, definitionId, planId })),
      );
    }
    const units = await storeReportingUnitsOnce(tx, planId);
    if (options.audit === false) return;
    await recordAudit(
      tx,
      actor ?? SYSTEM_ACTOR,
      {
        action: 'cycles.generate',
        entity: 'plan',
        entityId: planId,
        orgUnitCode: plan.ownerUnitCode ?? plan.issuerUnitCode,
        after: {
          definitionsCreated: created,
          ...(units > 0 ? { reportingUnitsStored: units } : {}),
          ...(year === undefined ? {} : { year }),
        },
      },
      deps.now(),
    );
  });
  return findCycles(deps.db, planId);
}

/** Changes a cycle's dates (deadlines change every year). Optimistic concurrency on its version. */
export async function updateCycleDates(
  deps: ReportingDeps,
  actor: AuditActor,
  cycleId: string,
  input: { due: string; cutoffFrom: string; cutoffTo: string; version: number },
): Promise<CycleRow> {
  if (input.cutoffFrom > input.cutoffTo) {
    throw new AppError('VALIDATION_FAILED', 'Thời gian chốt số liệu: ngày bắt đầu phải trước ngày kết thúc', [
      { path: '$.body.cutoffTo', message: 'Ngày kết thúc chốt số liệu phải sau ngày bắt đầu' },
    ]);
  }
  return deps.db.transaction(async (tx) => {
    const cycle = await findCycle(tx, cycleId, { lock: true });
    if (!cycle) throw notFound(`Kỳ báo cáo ${cycleId}`);
    const updated = await updateCycleDatesAtVersion(
      tx,
      cycleId,
      { due: input.due, cutoffFrom: input.cutoffFrom, cutoffTo: input.cutoffTo },
      input.version,
    );
    if (!updated) {
      throw new AppError('CONFLICT', 'Kỳ báo cáo đã được người khác sửa', [
        { path: '$.body.version', message: `Phiên bản hiện tại ${cycle.version}`, current: { ...cycle } },
      ]);
    }
    await recordAudit(
      tx,
      actor,
      {
        action: 'cycle.update',
        entity: 'cycle',
        entityId: cycleId,
        orgUnitCode: (await planOwnerUnits(tx, cycle.planId))[0] ?? null,
        period: cycle.period,
        before: { due: cycle.due, cutoffFrom: cycle.cutoffFrom, cutoffTo: cycle.cutoffTo },
        after: { due: updated.due, cutoffFrom: updated.cutoffFrom, cutoffTo: updated.cutoffTo },
      },
      deps.now(),
    );
    return updated;
  });
}

export type Obligations = Awaited<ReturnType<typeof findObligations>>;

export interface UnitCompleteness extends Timeliness {
  code: string;
  name: string;
  /** As documents name it: "UBND phường Đông Kinh", "Sở Y tế". */
  title: string;
  kind: 'agency' | 'commune';
  submittedAt: string | null;
  targets: { code: string; role: string }[];
  indicators: string[];
}

/** Who owes what in a cycle and where each unit stands: submitted, approved, accepted, late by how many days. */
export async function completeness(
  deps: ReportingDeps,
  cycleId: string,
  /** The plan's obligations when the caller already has them (they are the same for every cycle of a plan). */
  known?: Obligations,
): Promise<{ cycle: CycleRow; units: UnitCompleteness[] }> {
  const cycle = await findCycle(deps.db, cycleId);
  if (!cycle) throw notFound(`Kỳ báo cáo ${cycleId}`);
  const [{ agencies, communes }, subs] = await Promise.all([
    known ?? findObligations(deps.db, cycle.planId),
    findSubmissionsOfPlanYear(deps.db, cycle.planId, cycle.year),
  ]);
  const today = isoDay(deps.now());
  const units = new Map<string, UnitCompleteness>();
  const stateOf = (code: string) => {
    const s = subs.find((x) => x.orgUnitCode === code);
    return {
      submittedAt: s?.submittedAt ? s.submittedAt.toISOString() : null,
      ...timelinessOf(
        s ? { status: s.status, submittedAt: s.submittedAt ? s.submittedAt.toISOString() : null } : null,
        cycle.due,
        today,
      ),
    };
  };
  for (const a of agencies) {
    const u = units.get(a.code) ?? {
      code: a.code,
      name: a.name,
      title: unitTitle({ kind: 'agency', name: a.name, fullName: a.fullName }),
      kind: 'agency' as const,
      targets: [],
      indicators: [],
      ...stateOf(a.code),
    };
    if (a.target_code && a.role) u.targets.push({ code: a.target_code, role: a.role });
    u.indicators = [...new Set([...u.indicators, ...a.indicators])].sort();
    units.set(a.code, u);
  }
  for (const c of communes) {
    units.set(c.code, {
      code: c.code,
      name: c.name,
      title: unitTitle({ kind: 'commune', name: c.name, fullName: c.fullName }),
      kind: 'commune',
      targets: [],
      indicators: c.indicators,
      ...stateOf(c.code),
    });
  }
  return { cycle, units: [...units.values()] };
}

/**
 * A cycle's completeness as `actor` may see it: the units it may read (only `unit` when given), with how many
 * have submitted, reached approval or acceptance, and are late.
 */
export async function cycleCompleteness(deps: ReportingDeps, cycleId: string, actor: Actor, unit?: string) {
  const { cycle, units } = await completeness(deps, cycleId);
  const asked = units.filter((u) => !unit || u.code === unit);
  const readable = await readableUnits(
    deps.db,
    actor,
    asked.map((u) => u.code),
  );
  const visible = asked.filter((u) => readable.has(u.code));
  const late = visible.filter((u) => u.daysLate > 0).length;
  const count = (s: string[]) => visible.filter((u) => s.includes(u.state)).length;
  return {
    cycle,
    summary: {
      obligated: visible.length,
      submitted: count(['submitted', 'approved', 'accepted']),
      approved: count(['approved', 'accepted']),
      accepted: count(['accepted']),
      late,
    },
    units: visible,
  };
}

/** On-time rate of each cycle of a plan whose deadline has passed, for those who may read its owner unit. */
export async function planTimeliness(deps: ReportingDeps, planId: string, actor: Actor) {
  const plan = await requirePlan(deps, planId, actor);
  if (!(await canReadUnit(deps.db, actor, plan.ownerUnitCode))) throw notFound(`Kế hoạch ${planId}`);
  return timelinessByCycle(deps, plan.id);
}

/** On-time rate of each cycle whose deadline has passed. */
async function timelinessByCycle(deps: ReportingDeps, planId: string) {
  const today = isoDay(deps.now());
  const cycles = (await findCycles(deps.db, planId)).filter((c) => c.due <= today);
  const obligations = await findObligations(deps.db, planId);
  const out = [];
  for (const c of cycles) {
    const { units } = await completeness(deps, c.id, obligations);
    const onTime = units.filter((u) => u.onTime).length;
    out.push({
      cycleId: c.id,
      kind: c.kind,
      period: c.period,
      due: c.due,
      obligated: units.length,
      onTime,
      late: units.length - onTime,
      rate: units.length === 0 ? null : onTime / units.length,
    });
  }
  return out;
}

export interface CalendarEvent {
  uid: string;
  start: string;
  /** Inclusive last day. */
  end: string;
  title: string;
  description: string;
  /** The reporting cycle of a deadline; null for the fixed dates of the calendar. */
  cycle: { id: string; planId: string; kind: CycleRow['kind']; period: string } | null;
}

/** The unit's calendar: the fixed dates of the years covered, and every deadline it owes. */
async function calendarOf(
  deps: ReportingDeps,
  unitCode: string,
  planIds: string[],
): Promise<CalendarEvent[]> {
  const events: CalendarEvent[] = [];
  const years = new Set<number>([deps.now().getUTCFullYear()]);
  for (const planId of planIds) {
    const { agencies, communes } = await findObligations(deps.db, planId);
    const owes = agencies.some((a) => a.code === unitCode) || communes.some((c) => c.code === unitCode);
    const plan = await findPlan(deps.db, planId);
    const issues = plan?.issuerUnitCode === unitCode;
    if (!owes && !issues) continue;
    const definitions = await findDefinitions(deps.db, planId);
    for (const c of await findCycles(deps.db, planId)) {
      years.add(c.year);
      const def = definitions.find((d) => d.id === c.definitionId);
      events.push({
        uid: `cycle-${c.id}-${unitCode}@binhdang`,
        start: c.due,
        end: c.due,
        title: `Hạn báo cáo ${periodWords(c.period, 'vi')}: ${def?.title ?? 'báo cáo công tác bình đẳng giới'}`,
        description: `${plan?.title ?? ''}. Hạn gửi ${formatDayVi(c.due)}. Chốt số liệu từ ${formatDayVi(c.cutoffFrom)} đến ${formatDayVi(c.cutoffTo)}. Gửi: ${def?.recipient ?? 'Sở Nội vụ'}.`,
        cycle: { id: c.id, planId, kind: c.kind, period: c.period },
      });
    }
  }
  for (const y of years) {
    for (const f of fixedDates(y)) {
      events.push({
        uid: `fixed-${f.start}-${f.end}@binhdang`,
        start: f.start,
        end: f.end,
        title: f.title,
        description: f.title,
        cycle: null,
      });
    }
  }
  return events.sort((a, b) => a.start.localeCompare(b.start));
}

/** A unit's calendar over the plans the caller may read (the .ics feed and its JSON twin share it). */
export async function unitCalendar(
  deps: ReportingDeps,
  unitCode: string,
  actor: Actor | null,
): Promise<{ unit: OrgUnitRecord; events: CalendarEvent[] }> {
  const unit = await findOrgUnit(deps.db, unitCode);
  if (!unit) throw notFound(`Đơn vị ${unitCode}`);
  const plans = (await listPlans({ db: deps.db }, actor)).map((r) => r.plan.id);
  return { unit, events: await calendarOf(deps, unit.code, plans) };
}

/** The reminders of the units the actor holds a role at, newest first. */
export async function notificationsOf(deps: ReportingDeps, actor: Actor): Promise<NotificationRow[]> {
  return findNotificationsOfUnits(deps.db, [...new Set(actor.grants.map((g) => g.orgUnitCode))]);
}
