import type { Database, Executor } from '../../db/connection.js';
import { cyclesFor, isMonthDay, reportingSettings, type ReportKind } from '../../domain/cycles.js';
import { unitTitle } from '../../domain/issuer.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Actor } from '../../core/actor.js';
import { recordAudit, type AuditActor } from '../audit/audit.repository.js';
import { findOrgUnit, findOrgUnitsByCodes } from '../org-units/org-units.repository.js';
import { findPlan, type PlanRow } from '../plans/plans.repository.js';
import { requirePlan } from '../plans/plans.service.js';
import {
  countSentReports,
  deleteCycleRow,
  deleteDefinitionRow,
  deriveReportingUnits,
  findCycle,
  findCycles,
  findDefinition,
  findDefinitions,
  findProvinceOf,
  findSettings,
  findStoredReportingUnits,
  insertCycle,
  insertDefinition,
  insertMissingCycles,
  insertReportingUnits,
  updateDefinitionAtVersion,
  updateReportingUnitIncluded,
  writeReportingSettingsAtVersion,
  type CycleRow,
  type DefinitionChanges,
  type DefinitionRow,
  type ReportingUnitSource,
} from './reporting.repository.js';
import { definitionTexts, storeReportingUnitsOnce } from './reporting.service.js';
import { planOwnerUnits } from '../plans/plans.service.js';

/**
 * What the coordinator of a plan's owner edits in its reporting regime: who owes its reports, its report
 * definitions and cycles, and the province's reporting settings. Every change is one transaction with one audit
 * row holding the values before and after.
 */

export interface RegimeDeps {
  db: Database;
  now: () => Date;
}

/** The owner unit of the plan a definition belongs to (for permission checks). */
export async function definitionOwnerUnits(db: Database, id: string | null): Promise<string[]> {
  const def = id ? await findDefinition(db, id) : undefined;
  return planOwnerUnits(db, def?.planId);
}

const ownerOf = (plan: PlanRow) => plan.ownerUnitCode ?? plan.issuerUnitCode;

async function planOrNotFound(db: Database, planId: string): Promise<PlanRow> {
  const plan = await findPlan(db, planId);
  if (!plan) throw notFound(`Kế hoạch ${planId}`);
  return plan;
}

// ---------------------------------------------------------------------------------------------------------
// Who owes the plan's reports

export interface ReportingUnitView {
  code: string;
  name: string;
  /** As documents name it: "UBND phường Đông Kinh", "Sở Y tế". */
  title: string;
  kind: string;
  /** The first reason it is on the list: target, duty, clause, or added by the coordinator. */
  source: ReportingUnitSource;
  included: boolean;
  /** Every reason the plan gives ("lead 1.1", "coordinate 3.2", "responsible …", "duty VI.3", "clause VI.14 …"). */
  reasons: string[];
}

/**
 * Who owes a plan's reports, with why: the stored list, or the list derived from the plan while none is stored
 * (`stored` false). Readable by whoever may read the plan.
 */
export async function reportingUnits(
  deps: RegimeDeps,
  planId: string,
  actor: Actor | null,
): Promise<{ stored: boolean; units: ReportingUnitView[] }> {
  await requirePlan(deps, planId, actor);
  const [stored, derived] = await Promise.all([
    findStoredReportingUnits(deps.db, planId),
    deriveReportingUnits(deps.db, planId),
  ]);
  const reasons = new Map<string, string[]>();
  for (const r of derived) reasons.set(r.code, [...(reasons.get(r.code) ?? []), r.detail]);
  let rows = stored;
  if (stored.length === 0 && derived.length > 0) {
    const first = new Map<string, ReportingUnitSource>();
    for (const r of derived) if (!first.has(r.code)) first.set(r.code, r.source);
    const units = new Map((await findOrgUnitsByCodes(deps.db, [...first.keys()])).map((u) => [u.code, u]));
    rows = [...first].flatMap(([code, source]) => {
      const u = units.get(code);
      return u ? [{ code, source, included: true, name: u.name, fullName: u.fullName, kind: u.kind }] : [];
    });
  }
  return {
    stored: stored.length > 0,
    units: rows.map((u) => ({
      code: u.code,
      name: u.name,
      title: unitTitle({
        kind: u.kind === 'commune' ? 'commune' : 'agency',
        name: u.name,
        fullName: u.fullName,
      }),
      kind: u.kind,
      source: u.source,
      included: u.included,
      reasons: reasons.get(u.code) ?? [],
    })),
  };
}

/**
 * Puts a unit on a plan's list (source `manual`), or back on it when it was excluded. The unit must be an
 * agency, section or commune of the plan's province (when it has one), other than the plan's owner and issuer.
 */
export async function addReportingUnit(
  deps: RegimeDeps,
  actor: AuditActor,
  planId: string,
  code: string,
): Promise<void> {
  const plan = await planOrNotFound(deps.db, planId);
  const unit = await findOrgUnit(deps.db, code);
  const owner = ownerOf(plan);
  const province = owner ? await findProvinceOf(deps.db, owner) : null;
  const unitProvince = unit ? await findProvinceOf(deps.db, unit.code) : null;
  const refuse = (message: string) =>
    new AppError('VALIDATION_FAILED', message, [{ path: '$.body.orgUnit', message }]);
  if (!unit) throw refuse(`Đơn vị ${code} không tồn tại`);
  // A plan without a province (no owner, an issuer that did not resolve) takes units of any province.
  if (unit.kind === 'nation' || unit.kind === 'province' || (province && unitProvince !== province)) {
    throw refuse(`Chỉ thêm được sở, ban, ngành hoặc xã, phường của tỉnh ban hành kế hoạch`);
  }
  if (unit.code === plan.ownerUnitCode || unit.code === plan.issuerUnitCode) {
    throw refuse('Cơ quan ban hành kế hoạch không phải báo cáo cho chính mình');
  }
  await deps.db.transaction(async (tx) => {
    await storeReportingUnitsOnce(tx, planId);
    const before = (await findStoredReportingUnits(tx, planId)).find((u) => u.code === code);
    if (before) await updateReportingUnitIncluded(tx, planId, code, true);
    else await insertReportingUnits(tx, planId, [{ code, source: 'manual' }]);
    await recordAudit(
      tx,
      actor,
      {
        action: 'reporting-unit.add',
        entity: 'plan',
        entityId: planId,
        orgUnitCode: owner,
        before: before ? { unit: code, source: before.source, included: before.included } : null,
        after: { unit: code, source: before?.source ?? 'manual', included: true },
      },
      deps.now(),
    );
  });
}

/** Keeps a unit off a plan's list (`included` false), keeping why it was on it, or puts it back. */
export async function setReportingUnitIncluded(
  deps: RegimeDeps,
  actor: AuditActor,
  planId: string,
  code: string,
  included: boolean,
): Promise<void> {
  const plan = await planOrNotFound(deps.db, planId);
  await deps.db.transaction(async (tx) => {
    await storeReportingUnitsOnce(tx, planId);
    const before = (await findStoredReportingUnits(tx, planId)).find((u) => u.code === code);
    if (!before) throw notFound(`Đơn vị ${code} trong danh sách báo cáo của kế hoạch`);
    await updateReportingUnitIncluded(tx, planId, code, included);
    await recordAudit(
      tx,
      actor,
      {
        action: included ? 'reporting-unit.include' : 'reporting-unit.exclude',
        entity: 'plan',
        entityId: planId,
        orgUnitCode: ownerOf(plan),
        before: { unit: code, source: before.source, included: before.included },
        after: { unit: code, source: before.source, included },
      },
      deps.now(),
    );
  });
}

// ---------------------------------------------------------------------------------------------------------
// Report definitions and cycles

const definitionAudit = ({ planId: _p, ...d }: DefinitionRow) => d;
const cycleAudit = (c: CycleRow) => ({
  definitionId: c.definitionId,
  kind: c.kind,
  year: c.year,
  period: c.period,
  due: c.due,
  cutoffFrom: c.cutoffFrom,
  cutoffTo: c.cutoffTo,
});

function checkMonthDays(input: { cutoffStart?: string; cutoffEnd?: string; dueMonthDay?: string }) {
  for (const key of ['cutoffStart', 'cutoffEnd', 'dueMonthDay'] as const) {
    const v = input[key];
    if (v !== undefined && !isMonthDay(v)) {
      throw new AppError('VALIDATION_FAILED', 'Ngày không hợp lệ', [
        { path: `$.body.${key}`, message: `Ngày "${v}" không có thật, viết theo dạng tháng-ngày (11-30)` },
      ]);
    }
  }
}

/** Refuses to delete what units have already sent or signed reports for. */
async function refuseWhenSent(db: Executor, cycleIds: string[], what: string): Promise<void> {
  const sent = await countSentReports(db, cycleIds);
  if (sent > 0) {
    throw new AppError(
      'CONFLICT',
      `Không xóa được ${what}: đã có ${sent} báo cáo được gửi hoặc ký số; hãy sửa hạn thay vì xóa`,
      [{ path: '$.params.id', message: `${sent} báo cáo đã gửi hoặc ký số` }],
    );
  }
}

export interface DefinitionInput extends DefinitionChanges {
  kind: ReportKind;
  /** Also create its cycles over the plan's years (yearly kinds every year, reviews once). Default true. */
  cycles?: boolean;
}

/** Adds a report definition to a plan (one per kind), with its cycles unless asked not to. */
export async function createDefinition(
  deps: RegimeDeps,
  actor: AuditActor,
  planId: string,
  input: DefinitionInput,
): Promise<DefinitionRow> {
  const plan = await planOrNotFound(deps.db, planId);
  checkMonthDays(input);
  const { kind, cycles: withCycles = true, ...changes } = input;
  return deps.db.transaction(async (tx) => {
    const existing = (await findDefinitions(tx, planId)).find((d) => d.kind === kind);
    if (existing) {
      throw new AppError('CONFLICT', 'Kế hoạch đã có chế độ báo cáo loại này', [
        {
          path: '$.body.kind',
          message: `Đã có "${existing.title}": hãy sửa nó`,
          current: { id: existing.id },
        },
      ]);
    }
    const texts = definitionTexts(kind);
    const def = await insertDefinition(tx, {
      planId,
      kind,
      ...texts,
      cutoffStart: '12-15',
      cutoffEnd: kind === '6-month' ? '06-14' : '12-14',
      dueMonthDay: kind === '6-month' ? '06-05' : '11-30',
      ...changes,
    });
    if (withCycles) {
      await insertMissingCycles(
        tx,
        cyclesFor(def, plan.periodFrom, plan.periodTo).map((c) => ({ ...c, definitionId: def.id, planId })),
      );
    }
    await recordAudit(
      tx,
      actor,
      {
        action: 'definition.create',
        entity: 'report_definition',
        entityId: def.id,
        orgUnitCode: ownerOf(plan),
        after: definitionAudit(def),
      },
      deps.now(),
    );
    return def;
  });
}

/**
 * Changes a definition's fields (optimistic concurrency on its version). Its month-days are the defaults of
 * cycles added later; the dates of existing cycles are edited per cycle.
 */
export async function updateDefinition(
  deps: RegimeDeps,
  actor: AuditActor,
  id: string,
  input: DefinitionChanges & { version: number },
): Promise<DefinitionRow> {
  checkMonthDays(input);
  const { version, ...changes } = input;
  return deps.db.transaction(async (tx) => {
    const before = await findDefinition(tx, id, { lock: true });
    if (!before) throw notFound(`Chế độ báo cáo ${id}`);
    const plan = await findPlan(tx, before.planId);
    const updated = await updateDefinitionAtVersion(tx, id, changes, version);
    if (!updated) {
      throw new AppError('CONFLICT', 'Chế độ báo cáo đã được người khác sửa', [
        { path: '$.body.version', message: `Phiên bản hiện tại ${before.version}`, current: { ...before } },
      ]);
    }
    await recordAudit(
      tx,
      actor,
      {
        action: 'definition.update',
        entity: 'report_definition',
        entityId: id,
        orgUnitCode: plan ? ownerOf(plan) : null,
        before: definitionAudit(before),
        after: definitionAudit(updated),
      },
      deps.now(),
    );
    return updated;
  });
}

/**
 * Deletes a definition and its cycles (their reminders and unsent report drafts go too). Refused (409) when a
 * unit has sent or signed a report for one of its cycles: that report would lose its cycle.
 */
export async function deleteDefinition(deps: RegimeDeps, actor: AuditActor, id: string): Promise<void> {
  const def = await findDefinition(deps.db, id);
  if (!def) throw notFound(`Chế độ báo cáo ${id}`);
  await deps.db.transaction(async (tx) => {
    const before = await findDefinition(tx, id, { lock: true });
    if (!before) throw notFound(`Chế độ báo cáo ${id}`);
    const cycles = (await findCycles(tx, before.planId)).filter((c) => c.definitionId === id);
    await refuseWhenSent(
      tx,
      cycles.map((c) => c.id),
      'chế độ báo cáo',
    );
    const plan = await findPlan(tx, before.planId);
    await deleteDefinitionRow(tx, id);
    await recordAudit(
      tx,
      actor,
      {
        action: 'definition.delete',
        entity: 'report_definition',
        entityId: id,
        orgUnitCode: plan ? ownerOf(plan) : null,
        before: { ...definitionAudit(before), cycles: cycles.map(cycleAudit) },
        after: null,
      },
      deps.now(),
    );
  });
}

export interface CycleInput {
  definitionId: string;
  year: number;
  due: string;
  /** Defaults: the definition's cut-off window in that year. */
  cutoffFrom?: string;
  cutoffTo?: string;
}

/** Adds one cycle of a plan's definition in a year of the plan (one per definition and year). */
export async function addCycle(
  deps: RegimeDeps,
  actor: AuditActor,
  planId: string,
  input: CycleInput,
): Promise<CycleRow> {
  const plan = await planOrNotFound(deps.db, planId);
  const def = await findDefinition(deps.db, input.definitionId);
  if (!def || def.planId !== planId) {
    throw new AppError('VALIDATION_FAILED', 'Chế độ báo cáo không thuộc kế hoạch này', [
      { path: '$.body.definitionId', message: 'Chọn một chế độ báo cáo của kế hoạch' },
    ]);
  }
  if (input.year < plan.periodFrom || input.year > plan.periodTo) {
    throw new AppError('VALIDATION_FAILED', `Năm ${input.year} nằm ngoài giai đoạn của kế hoạch`, [
      { path: '$.body.year', message: `Chọn một năm từ ${plan.periodFrom} đến ${plan.periodTo}` },
    ]);
  }
  const [defaults] = cyclesFor({ ...def, kind: 'annual' }, input.year, input.year);
  const cutoffFrom = input.cutoffFrom ?? defaults!.cutoffFrom;
  const cutoffTo = input.cutoffTo ?? defaults!.cutoffTo;
  if (cutoffFrom > cutoffTo) {
    throw new AppError('VALIDATION_FAILED', 'Thời gian chốt số liệu: ngày bắt đầu phải trước ngày kết thúc', [
      { path: '$.body.cutoffTo', message: 'Ngày kết thúc chốt số liệu phải sau ngày bắt đầu' },
    ]);
  }
  return deps.db.transaction(async (tx) => {
    const cycle = await insertCycle(tx, {
      definitionId: def.id,
      planId,
      kind: def.kind,
      year: input.year,
      period: def.kind === '6-month' ? `${input.year}-H1` : String(input.year),
      cutoffFrom,
      cutoffTo,
      due: input.due,
    });
    if (!cycle) {
      throw new AppError('CONFLICT', `Đã có kỳ báo cáo năm ${input.year} của chế độ này`, [
        { path: '$.body.year', message: `Kỳ năm ${input.year} đã có: hãy sửa hạn của nó` },
      ]);
    }
    await recordAudit(
      tx,
      actor,
      {
        action: 'cycle.create',
        entity: 'cycle',
        entityId: cycle.id,
        orgUnitCode: ownerOf(plan),
        period: cycle.period,
        after: cycleAudit(cycle),
      },
      deps.now(),
    );
    return cycle;
  });
}

/** Deletes a cycle; refused (409) when a unit has sent or signed its report for it. */
export async function deleteCycle(deps: RegimeDeps, actor: AuditActor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const cycle = await findCycle(tx, id, { lock: true });
    if (!cycle) throw notFound(`Kỳ báo cáo ${id}`);
    await refuseWhenSent(tx, [id], 'kỳ báo cáo');
    const plan = await findPlan(tx, cycle.planId);
    await deleteCycleRow(tx, id);
    await recordAudit(
      tx,
      actor,
      {
        action: 'cycle.delete',
        entity: 'cycle',
        entityId: id,
        orgUnitCode: plan ? ownerOf(plan) : null,
        period: cycle.period,
        before: cycleAudit(cycle),
        after: null,
      },
      deps.now(),
    );
  });
}

// ---------------------------------------------------------------------------------------------------------
// A province's reporting settings

export interface ReportingSettingsView {
  orgUnit: string;
  sixMonth: boolean;
  sixMonthDue: string;
  annualDue: string;
  /** 0 while none are stored (the defaults apply). */
  version: number;
}

async function requireProvince(db: Database, code: string) {
  const unit = await findOrgUnit(db, code);
  if (!unit) throw notFound(`Đơn vị ${code}`);
  if (unit.kind !== 'province') {
    throw new AppError('VALIDATION_FAILED', 'Chế độ báo cáo chỉ đặt cho tỉnh, thành phố', [
      { path: '$.params.code', message: `${unit.name} không phải tỉnh, thành phố` },
    ]);
  }
  return unit;
}

/** A province's reporting settings (the defaults while none are stored). */
export async function provinceReportingSettings(
  deps: RegimeDeps,
  code: string,
): Promise<ReportingSettingsView> {
  await requireProvince(deps.db, code);
  const row = await findSettings(deps.db, code);
  return { orgUnit: code, ...reportingSettings(row?.reporting), version: row?.version ?? 0 };
}

/** Writes a province's reporting settings (optimistic concurrency; version 0 when none are stored yet). */
export async function writeProvinceReportingSettings(
  deps: RegimeDeps,
  actor: AuditActor,
  code: string,
  input: { sixMonth: boolean; sixMonthDue: string; annualDue: string; version: number },
): Promise<ReportingSettingsView> {
  await requireProvince(deps.db, code);
  for (const key of ['sixMonthDue', 'annualDue'] as const) {
    if (!isMonthDay(input[key])) {
      throw new AppError('VALIDATION_FAILED', 'Ngày không hợp lệ', [
        {
          path: `$.body.${key}`,
          message: `Ngày "${input[key]}" không có thật, viết theo dạng tháng-ngày (11-30)`,
        },
      ]);
    }
  }
  return deps.db.transaction(async (tx) => {
    const before = await findSettings(tx, code);
    const { version, ...values } = input;
    const reporting = { ...(before?.reporting ?? {}), ...values };
    const row = await writeReportingSettingsAtVersion(tx, code, reporting, version);
    if (!row) {
      throw new AppError('CONFLICT', 'Chế độ báo cáo của tỉnh đã được người khác sửa', [
        {
          path: '$.body.version',
          message: `Phiên bản hiện tại ${before?.version ?? 0}`,
          current: { ...reportingSettings(before?.reporting), version: before?.version ?? 0 },
        },
      ]);
    }
    await recordAudit(
      tx,
      actor,
      {
        action: 'reporting-settings.update',
        entity: 'unit_settings',
        entityId: null,
        orgUnitCode: code,
        before: before ? reportingSettings(before.reporting) : null,
        after: reportingSettings(row.reporting),
      },
      deps.now(),
    );
    return { orgUnit: code, ...reportingSettings(row.reporting), version: row.version };
  });
}
