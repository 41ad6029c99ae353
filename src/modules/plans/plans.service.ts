import type { Clock } from '../../core/clock.js';
import type { Database, Executor } from '../../db/connection.js';
import { resolveAgencyName } from '../../domain/agency-names.js';
import {
  communeNameIn,
  findProvinceIn,
  isNationalIssuer,
  isProvincialCommittee,
} from '../../domain/issuer.js';
import { can, type RoleGrant } from '../../domain/permissions.js';
import {
  fromStoredDate,
  formatPartialDate,
  parsePartialDate,
  toStoredDate,
} from '../../domain/partial-date.js';
import { foldVietnamese } from '../../domain/vietnamese.js';
import { AppError, notFound, type ErrorIssue } from '../../core/errors.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/audit.repository.js';
import { canReadUnit } from '../auth/auth.service.js';
import { type Actor } from '../../core/actor.js';
import { NATION_CODE } from '../../db/reference/reference-data.js';
import { findAncestries, findOrgUnit, listProvinces } from '../org-units/org-units.repository.js';
import { requireOrgUnit } from '../org-units/org-units.service.js';
import { findIndicatorsByCodes, findIndicatorsByIds } from '../indicators/indicators.repository.js';
import { parsePlanDocument, PLAN_FORMAT_ID, type PlanDocument } from './plan-format.js';
import {
  countPlans,
  findAgenciesOfProvince,
  findAssignmentsOfOrgUnit,
  findChildPlans,
  findCommunesOfProvince,
  findMeasuresOfTargets,
  findParentPlans,
  findPlan,
  findPlanByIdentity,
  findPlansNumbered,
  insertPlanGraph,
  lockPlan,
  replacePlanGraph,
  setPlanPublished,
  updatePlanIdentityAtVersion,
  linkCitationsTo,
  listPlanRows,
  loadPlanParts,
  planExists,
  type MeasureRow,
  type PlanGraphInsert,
  type PlanRow,
} from './plans.repository.js';
import type { Measure } from '../../domain/measure.js';

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export interface PlanDeps {
  db: Database;
}

/** Writes stamp their rows with the caller's clock. */
export interface PlanWriteDeps extends PlanDeps {
  now: Clock;
}

function storedDate(text: string | null | undefined) {
  if (!text) return { issuedOn: null, issuedPrecision: null };
  const d = parsePartialDate(text);
  if (!d) return { issuedOn: null, issuedPrecision: null };
  const { firstDay, precision } = toStoredDate(d);
  return { issuedOn: firstDay, issuedPrecision: precision };
}

export function planDateText(row: {
  issuedOn: string | null;
  issuedPrecision: 'day' | 'month' | 'year' | null;
}): string | null {
  if (!row.issuedOn || !row.issuedPrecision) return null;
  return formatPartialDate(fromStoredDate(row.issuedOn, row.issuedPrecision));
}

type IssuerFields = Pick<PlanDocument['document'], 'issuer' | 'parentBody' | 'place'>;
type AgencyRow = Awaited<ReturnType<typeof findAgenciesOfProvince>>[number];

/**
 * Where a document sits: the org unit that issued it and the province whose agencies it assigns. A national
 * body's document (Chính phủ, a ministry) is the nation's, whatever place it names.
 */
async function resolveIssuer(
  db: Executor,
  doc: IssuerFields,
): Promise<{
  provinceCode: string | null;
  provinceName?: string;
  issuerUnitCode: string | null;
  agencies: AgencyRow[];
}> {
  if (isNationalIssuer(doc.issuer)) return { provinceCode: null, issuerUnitCode: NATION_CODE, agencies: [] };
  const provinces = await listProvinces(db);
  const province = findProvinceIn([doc.issuer, doc.parentBody, doc.place], provinces);
  if (!province) return { provinceCode: null, issuerUnitCode: null, agencies: [] };
  const agencies = await findAgenciesOfProvince(db, province.code);
  let issuerUnitCode: string | null;
  if (isProvincialCommittee(doc.issuer)) issuerUnitCode = province.code;
  else {
    issuerUnitCode = resolveAgencyName(doc.issuer, agencies, province.name);
    const communeName = issuerUnitCode ? null : communeNameIn(doc.issuer);
    if (communeName) {
      const communes = await findCommunesOfProvince(db, province.code);
      issuerUnitCode = communes.find((c) => foldVietnamese(c.name) === communeName)?.code ?? null;
    }
  }
  return { provinceCode: province.code, provinceName: province.name, issuerUnitCode, agencies };
}

/** The text parts and signer lines of a document, as the `text_parts` column keeps them. */
function storedTextParts(doc: PlanDocument): Record<string, unknown> {
  return {
    ...(doc.text ?? {}),
    ...(doc.document.signer?.lines ? { signerLines: doc.document.signer.lines } : {}),
  };
}

/** The text parts of a stored plan, in the shape of the format (without the signer lines). */
export function textPartsOf(plan: PlanRow): NonNullable<PlanDocument['text']> {
  const { signerLines: _signerLines, ...rest } = plan.textParts as NonNullable<PlanDocument['text']> & {
    signerLines?: string[];
  };
  return rest;
}

/** The lines above the signer's name, when the document gave them. */
export function signerLinesOf(plan: PlanRow): string[] | null {
  const lines = (plan.textParts as { signerLines?: unknown }).signerLines;
  return Array.isArray(lines) ? lines.filter((l): l is string => typeof l === 'string') : null;
}

/** Who imports: the audit actor, with the grants that place a plan whose issuer does not resolve. */
export type Importer = AuditActor & { grants?: readonly RoleGrant[] };

/**
 * The owner of an imported plan, whose roles govern it: the issuer when it resolves. Otherwise the importing
 * user's unit: the unit of their first grant that may manage plans there. When the document names a province,
 * that unit must lie inside it, else the owner is the province itself (an importer above it, such as a national
 * admin, files the plan there; one elsewhere is refused by the check on it). Without an importer (seed, command
 * line): the province, else the nation.
 */
async function ownerOf(
  db: Executor,
  issuer: { issuerUnitCode: string | null; provinceCode: string | null },
  importer: Importer | null | undefined,
): Promise<string> {
  if (issuer.issuerUnitCode) return issuer.issuerUnitCode;
  const managed = (importer?.grants ?? [])
    .filter((g) => can([g], 'plan.manage', [g.orgUnitCode]))
    .map((g) => g.orgUnitCode);
  if (managed.length === 0) return issuer.provinceCode ?? NATION_CODE;
  if (!issuer.provinceCode) return managed[0]!;
  const ancestries = await findAncestries(db, managed);
  const inside = managed.find((code) => ancestries.get(code)!.includes(issuer.provinceCode!));
  return inside ?? issuer.provinceCode;
}

/** The issuer fields of a document that is not validated yet, or null when they cannot be read. */
function issuerFieldsOf(input: unknown): IssuerFields | null {
  const doc = (input as { document?: unknown } | null | undefined)?.document;
  if (!doc || typeof doc !== 'object') return null;
  const { issuer, parentBody, place } = doc as Record<string, unknown>;
  const optional = (v: unknown) => (typeof v === 'string' ? v : null);
  return typeof issuer === 'string'
    ? { issuer, parentBody: optional(parentBody), place: optional(place) }
    : null;
}

/**
 * The unit an import files the plan under, for its permission check (before the document is validated): the owner
 * as `importPlan` will set it. A document whose issuer cannot be read is filed under the importer's unit, so
 * that someone who may import gets the document's errors and anyone else a refusal.
 */
export async function importOwnerOf(
  deps: PlanDeps,
  input: unknown,
  importer: Importer | null,
): Promise<string> {
  const fields = issuerFieldsOf(input);
  const issuer = fields ? await resolveIssuer(deps.db, fields) : { issuerUnitCode: null, provinceCode: null };
  return ownerOf(deps.db, issuer, importer);
}

/**
 * Imports a `binhdang.plan/1` document in one transaction: on any error nothing is stored.
 * Agencies resolve to the org units of the issuer's province; unresolved names are kept as written.
 * `ownerUnitCode` overrides the owner (a drafted plan is the drafted unit's), `draftedFromPlanId` records the parent
 * a unit's plan was drafted from.
 */
export async function importPlan(
  deps: PlanWriteDeps,
  input: unknown,
  options: {
    isDemo?: boolean;
    published?: boolean;
    actor?: Importer | null;
    ownerUnitCode?: string;
    draftedFromPlanId?: string;
    /** The plan this document is a new version of: it is updated in place instead of added. */
    replaces?: string;
    /** Runs inside the import's transaction once the plan is stored (its reporting cycles are made there). */
    onStored?: (tx: Database, planId: string) => Promise<unknown>;
  } = {},
): Promise<string> {
  const parsed = parsePlanDocument(input);
  if (!parsed.ok) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Tài liệu kế hoạch không hợp lệ / invalid plan document',
      parsed.issues,
    );
  }
  const doc = parsed.document;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const issuer = await resolveIssuer(tx, doc.document);
    const ownerUnitCode = options.ownerUnitCode ?? (await ownerOf(tx, issuer, options.actor));
    const resolveAgency = (name: string) =>
      issuer.provinceName ? resolveAgencyName(name, issuer.agencies, issuer.provinceName) : null;

    const problems: ErrorIssue[] = [];
    const references: PlanGraphInsert['references'] = [];
    for (const [position, r] of doc.references.entries()) {
      const d = storedDate(r.date);
      let linkedPlanId: string | null = null;
      if (r.planId) {
        if (await planExists(tx, r.planId)) linkedPlanId = r.planId;
        else
          problems.push({ path: `$.references[${position}].planId`, message: `No plan with id ${r.planId}` });
      } else if (r.relation === 'implements') {
        linkedPlanId = await findPlanByIdentity(tx, {
          docType: r.type ?? null,
          number: r.number ?? null,
          symbol: r.symbol ?? null,
          year: r.date ? Number(r.date.slice(0, 4)) : null,
        });
      }
      references.push({
        position,
        relation: r.relation,
        docType: r.type ?? null,
        number: r.number ?? null,
        symbol: r.symbol ?? null,
        ...d,
        issuer: r.issuer ?? null,
        title: r.title ?? null,
        linkedPlanId,
      });
    }
    if (problems.length > 0)
      throw new AppError('VALIDATION_FAILED', 'Tham chiếu không hợp lệ / invalid reference', problems);

    const indicatorCodes = doc.goals.flatMap((g) =>
      g.targets.flatMap((t) => t.measures.map((m) => m.indicator ?? null)),
    );
    const indicatorIds = new Map(
      (
        await findIndicatorsByCodes(
          tx,
          indicatorCodes.filter((c): c is string => c !== null),
        )
      ).map((i) => [i.code, i.id]),
    );
    doc.goals.forEach((g, gi) =>
      g.targets.forEach((t, ti) =>
        t.measures.forEach((m, mi) => {
          if (m.indicator && !indicatorIds.has(m.indicator)) {
            problems.push({
              path: `$.goals[${gi}].targets[${ti}].measures[${mi}].indicator`,
              message: `No indicator with code "${m.indicator}"`,
            });
          }
        }),
      ),
    );
    if (problems.length > 0)
      throw new AppError('VALIDATION_FAILED', 'Chỉ số không tồn tại / unknown indicator', problems);

    const date = storedDate(doc.document.date);
    const replaced = options.replaces ? await lockPlan(tx, options.replaces) : undefined;
    if (options.replaces && !replaced) throw notFound(`Kế hoạch ${options.replaces}`);
    await refuseDuplicate(tx, doc.document, issuer.issuerUnitCode, replaced?.id ?? null);
    const graph: PlanGraphInsert = {
      plan: {
        docType: doc.document.type,
        number: doc.document.number,
        symbol: doc.document.symbol,
        issuer: doc.document.issuer,
        issuerUnitCode: issuer.issuerUnitCode,
        ownerUnitCode,
        draftedFromPlanId: options.draftedFromPlanId ?? null,
        parentBody: doc.document.parentBody,
        place: doc.document.place,
        ...date,
        title: doc.document.title,
        periodFrom: doc.document.period.from,
        periodTo: doc.document.period.to,
        signerAuthority: doc.document.signer?.authority ?? null,
        signerName: doc.document.signer?.name ?? null,
        textParts: storedTextParts(doc),
        isDemo: options.isDemo ?? false,
        published: options.published ?? false,
        createdAt: now,
      },
      references,
      goals: doc.goals.map((g) => ({
        code: g.code,
        title: g.title,
        targets: g.targets.map((t) => ({
          code: t.code,
          text: t.text,
          measures: t.measures.map((m, position) => ({
            position,
            label: m.label ?? null,
            value: String(m.value),
            unit: m.unit,
            comparator: m.comparator,
            year: m.year,
            baselineValue: m.baseline ? String(m.baseline.value) : null,
            baselineYear: m.baseline?.year ?? null,
            per: m.per,
            indicatorId: m.indicator ? indicatorIds.get(m.indicator)! : null,
          })),
        })),
      })),
      tasks: (doc.tasks ?? []).map((t, position) => ({
        position,
        code: t.code,
        text: t.text,
        agencies: t.agencies.map((name) => ({ name, code: resolveAgency(name) })),
      })),
      assignments: doc.assignments.flatMap((a, position) =>
        (a.role === 'responsible' ? [null] : a.targets).map((targetCode) => ({
          targetCode,
          role: a.role,
          agencyName: a.agency,
          orgUnitCode: resolveAgency(a.agency),
          position,
        })),
      ),
      deadlines: (doc.deadlines ?? []).map((d, position) => ({
        position,
        report: d.report,
        due: d.due,
        before: d.before ?? false,
        recurrence: d.recurrence ?? null,
        year: d.year ?? null,
        recipient: d.recipient,
        text: d.text ?? null,
      })),
      duties: (doc.duties ?? []).map((d, position) => ({
        position,
        code: d.code ?? null,
        agencyName: d.agency,
        heading: d.heading ?? null,
        orgUnitCode: d.covers ? null : resolveAgency(d.agency),
        covers: d.covers ?? null,
        paragraphs: d.paragraphs,
      })),
    };
    // A new version of a stored document updates that plan in place; it keeps its owner and where it was drafted from.
    const before = replaced ? await planToDocument({ db: tx }, replaced) : undefined;
    const planId = replaced ? replaced.id : await insertPlanGraph(tx, graph);
    if (replaced) {
      await replacePlanGraph(tx, planId, {
        ...graph,
        plan: {
          ...graph.plan,
          ownerUnitCode: replaced.ownerUnitCode,
          draftedFromPlanId: replaced.draftedFromPlanId,
        },
      });
    }
    await recordAudit(
      tx,
      options.actor ?? SYSTEM_ACTOR,
      {
        action: replaced ? 'plan.replace' : 'plan.import',
        entity: 'plan',
        entityId: planId,
        orgUnitCode: replaced ? replaced.ownerUnitCode : ownerUnitCode,
        period: `${doc.document.period.from}-${doc.document.period.to}`,
        ...(before ? { before } : {}),
        after: doc,
      },
      now,
    );
    await linkCitationsTo(tx, {
      id: planId,
      docType: doc.document.type,
      number: doc.document.number,
      symbol: doc.document.symbol,
      year: date.issuedOn ? Number(date.issuedOn.slice(0, 4)) : null,
    });
    await options.onStored?.(tx, planId);
    return planId;
  });
}

/** The same issuer: the same org unit when both resolve, else the same name once folded. */
function sameIssuer(plan: PlanRow, issuer: string, issuerUnitCode: string | null): boolean {
  if (plan.issuerUnitCode && issuerUnitCode) return plan.issuerUnitCode === issuerUnitCode;
  return foldVietnamese(plan.issuer) === foldVietnamese(issuer);
}

/**
 * A document already stored (same type, number, symbol and issuer) is not stored twice: 409 naming the plan, unless
 * the request says it replaces that plan.
 */
async function refuseDuplicate(
  tx: Executor,
  document: PlanDocument['document'],
  issuerUnitCode: string | null,
  replacing: string | null,
): Promise<void> {
  if (!document.number || !document.symbol) return;
  const same = (
    await findPlansNumbered(tx, { docType: document.type, number: document.number, symbol: document.symbol })
  ).filter((p) => p.id !== replacing && sameIssuer(p, document.issuer, issuerUnitCode));
  const existing = same[0];
  if (!existing) return;
  const date = planDateText(existing);
  throw new AppError(
    'CONFLICT',
    `Văn bản số ${document.number}/${document.symbol} của ${existing.issuer} đã có trong hệ thống: "${existing.title}"${date ? ` (${date})` : ''}. Để cập nhật kế hoạch này, gửi lại với replaces=${existing.id} / this document is already stored as plan ${existing.id}; import it with replaces=${existing.id} to update that plan`,
    [
      {
        path: '$.document.number',
        message: `Trùng số, ký hiệu và cơ quan ban hành với kế hoạch ${existing.id}`,
        current: { id: existing.id, title: existing.title, number: existing.number, symbol: existing.symbol },
      },
    ],
  );
}

/** The owner unit of a plan (for permission checks): none for an unknown plan or one without an owner. */
export async function planOwnerUnits(db: Executor, planId: string | null | undefined): Promise<string[]> {
  const plan = planId ? await findPlan(db, planId) : undefined;
  return plan?.ownerUnitCode ? [plan.ownerUnitCode] : [];
}

/** Publishes or unpublishes a plan (audited). Anonymous callers see only published plans. */
export async function setPublished(
  deps: PlanWriteDeps,
  planId: string,
  published: boolean,
  actor: AuditActor,
): Promise<PlanRow> {
  return deps.db.transaction(async (tx) => {
    const before = await setPlanPublished(tx, planId, published);
    if (!before) throw notFound(`Kế hoạch ${planId}`);
    // Recorded even when nothing changes: the trail shows who asked, and when.
    await recordAudit(
      tx,
      actor,
      {
        action: published ? 'plan.publish' : 'plan.unpublish',
        entity: 'plan',
        entityId: planId,
        orgUnitCode: before.ownerUnitCode,
        before: { published: before.published },
        after: { published },
      },
      deps.now(),
    );
    return (await findPlan(tx, planId))!;
  });
}

/**
 * A draft becomes the issued document: its number, symbol and date change, and everything it holds (targets,
 * assignments, figures, cycles, history) stays. Optimistic concurrency on the plan's version; audited.
 */
export async function updatePlanIdentity(
  deps: PlanWriteDeps,
  planId: string,
  input: { number: string | null; symbol: string | null; date: string | null; version: number },
  actor: AuditActor,
): Promise<PlanRow> {
  const date = storedDate(input.date);
  if (input.date && !date.issuedOn) {
    throw new AppError('VALIDATION_FAILED', 'Ngày ban hành không hợp lệ', [
      { path: '$.body.date', message: 'Ngày ban hành: YYYY-MM-DD, YYYY-MM hoặc YYYY' },
    ]);
  }
  return deps.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    if (!plan) throw notFound(`Kế hoạch ${planId}`);
    await refuseDuplicate(
      tx,
      { ...planDocumentPart(plan), number: input.number, symbol: input.symbol },
      plan.issuerUnitCode,
      plan.id,
    );
    const updated = await updatePlanIdentityAtVersion(
      tx,
      planId,
      { number: input.number, symbol: input.symbol, ...date },
      input.version,
    );
    if (!updated) {
      throw new AppError('CONFLICT', 'Kế hoạch đã được người khác sửa', [
        {
          path: '$.body.version',
          message: `Phiên bản hiện tại ${plan.version}`,
          current: { version: plan.version },
        },
      ]);
    }
    const identity = (p: PlanRow) => ({ number: p.number, symbol: p.symbol, date: planDateText(p) });
    await recordAudit(
      tx,
      actor,
      {
        action: 'plan.identity',
        entity: 'plan',
        entityId: planId,
        orgUnitCode: plan.ownerUnitCode,
        before: identity(plan),
        after: identity(updated),
      },
      deps.now(),
    );
    await linkCitationsTo(tx, {
      id: planId,
      docType: updated.docType,
      number: updated.number,
      symbol: updated.symbol,
      year: updated.issuedOn ? Number(updated.issuedOn.slice(0, 4)) : null,
    });
    return updated;
  });
}

/** A stored measure in the shape of the format (with its indicator code, when it has one). */
export function measureOf(m: MeasureRow, indicatorCode?: string | null): Measure & { indicator?: string } {
  return {
    ...(m.label !== null ? { label: m.label } : {}),
    value: Number(m.value),
    unit: m.unit as Measure['unit'],
    comparator: m.comparator as Measure['comparator'],
    year: m.year,
    baseline: m.baselineValue === null ? null : { value: Number(m.baselineValue), year: m.baselineYear },
    per: m.per as Measure['per'],
    ...(indicatorCode ? { indicator: indicatorCode } : {}),
  };
}

/** Looks up the indicator code of each measure (one query). */
async function indicatorCodesOf(db: Executor, measureRows: readonly MeasureRow[]) {
  const ids = measureRows.map((m) => m.indicatorId).filter((i): i is string => i !== null);
  const codes = new Map((await findIndicatorsByIds(db, ids)).map((i) => [i.id, i.code]));
  return (m: MeasureRow) => (m.indicatorId ? (codes.get(m.indicatorId) ?? null) : null);
}

/**
 * A plan the caller may see: published plans are public; others need a role over the issuing unit. An unseen
 * plan answers 404, so its existence does not leak.
 */
export async function requirePlan(deps: PlanDeps, id: string, actor?: Actor | null): Promise<PlanRow> {
  const plan = await findPlan(deps.db, id);
  if (!plan || !(await mayReadPlan(deps, plan, actor ?? null))) throw notFound(`Kế hoạch ${id}`);
  return plan;
}

export async function mayReadPlan(deps: PlanDeps, plan: PlanRow, actor: Actor | null): Promise<boolean> {
  return plan.published || (await canReadUnit(deps.db, actor, plan.ownerUnitCode));
}

/**
 * The province a plan was written in when that province has since merged (2025): the name as the document writes
 * it and the province it is now part of ("Bình Phước", now Đồng Nai). Null for a current province.
 */
async function formerProvinceOf(db: Executor, plan: PlanRow) {
  const found = findProvinceIn([plan.issuer, plan.parentBody, plan.place], await listProvinces(db));
  if (!found?.former) return null;
  return {
    written: found.former.written,
    current: { code: found.code, name: found.name, fullName: found.fullName },
  };
}

export async function getPlan(deps: PlanDeps, id: string, actor: Actor | null) {
  const plan = await requirePlan(deps, id, actor);
  const [parts, parents, children, issuerUnit] = await Promise.all([
    loadPlanParts(deps.db, id).then(async (p) => ({
      ...p,
      indicatorCode: await indicatorCodesOf(deps.db, p.measures),
    })),
    findParentPlans(deps.db, id),
    findChildPlans(deps.db, id),
    plan.issuerUnitCode ? findOrgUnit(deps.db, plan.issuerUnitCode) : undefined,
  ]);
  // Linked plans the caller may not read are left out: not even their titles leak.
  const visible = (rows: PlanRow[]) => readableOnly(deps, rows, actor, (r) => r);
  return {
    plan,
    parts,
    parents: await visible(parents),
    children: await visible(children),
    issuerUnitName: issuerUnit?.name ?? null,
    formerProvince: await formerProvinceOf(deps.db, plan),
  };
}

/** The rows whose plan the caller may read, in their order. */
async function readableOnly<T>(
  deps: PlanDeps,
  rows: readonly T[],
  actor: Actor | null,
  planOf: (row: T) => PlanRow,
): Promise<T[]> {
  const out: T[] = [];
  for (const r of rows) if (await mayReadPlan(deps, planOf(r), actor)) out.push(r);
  return out;
}

export async function listPlans(deps: PlanDeps, actor: Actor | null) {
  return readableOnly(deps, await listPlanRows(deps.db), actor, (r) => r.plan);
}

export async function hasAnyPlan(deps: PlanDeps): Promise<boolean> {
  return (await countPlans(deps.db)) > 0;
}

/** The plan as a `binhdang.plan/1` document; importing it again gives an equal plan. */
export async function exportPlan(deps: PlanDeps, id: string, actor: Actor | null): Promise<PlanDocument> {
  return planToDocument(deps, await requirePlan(deps, id, actor));
}

/** The `document` part of a stored plan (what it is, who issued it, when, who signed), as binhdang.plan/1 has it. */
export function planDocumentPart(plan: PlanRow): PlanDocument['document'] {
  return {
    type: plan.docType as PlanDocument['document']['type'],
    number: plan.number,
    symbol: plan.symbol,
    issuer: plan.issuer,
    parentBody: plan.parentBody,
    place: plan.place,
    date: planDateText(plan),
    title: plan.title,
    period: { from: plan.periodFrom, to: plan.periodTo },
    signer:
      plan.signerAuthority === null && plan.signerName === null && signerLinesOf(plan) === null
        ? null
        : {
            authority: plan.signerAuthority,
            name: plan.signerName,
            ...(signerLinesOf(plan) ? { lines: signerLinesOf(plan)! } : {}),
          },
  };
}

/** A stored plan as a `binhdang.plan/1` document (no access check: callers have done it). */
export async function planToDocument(deps: PlanDeps, plan: PlanRow): Promise<PlanDocument> {
  const id = plan.id;
  const parts = await loadPlanParts(deps.db, id);
  const indicatorCode = await indicatorCodesOf(deps.db, parts.measures);
  const measuresByTarget = groupBy(parts.measures, (m) => m.targetId);
  const targetCode = new Map(parts.targets.map((t) => [t.id, t.code]));
  const assignmentGroups = new Map<string, PlanDocument['assignments'][number]>();
  for (const a of parts.assignments) {
    const key = `${a.position}\u0000${a.role}\u0000${a.agencyName}`;
    const group = assignmentGroups.get(key) ?? { agency: a.agencyName, role: a.role, targets: [] };
    if (a.targetId !== null) group.targets.push(targetCode.get(a.targetId)!);
    assignmentGroups.set(key, group);
  }
  const text = textPartsOf(plan);
  return {
    format: PLAN_FORMAT_ID,
    document: planDocumentPart(plan),
    ...(Object.keys(text).length > 0 ? { text } : {}),
    ...(parts.duties.length > 0
      ? {
          duties: parts.duties.map((d) => ({
            ...(d.code !== null ? { code: d.code } : {}),
            agency: d.agencyName,
            ...(d.heading !== null ? { heading: d.heading } : {}),
            ...(d.covers !== null ? { covers: d.covers } : {}),
            paragraphs: d.paragraphs,
          })),
        }
      : {}),
    references: parts.references.map((r) => ({
      relation: r.relation,
      type: r.docType as PlanDocument['document']['type'] | null,
      number: r.number,
      symbol: r.symbol,
      date: planDateText(r),
      issuer: r.issuer,
      title: r.title,
      ...(r.linkedPlanId ? { planId: r.linkedPlanId } : {}),
    })),
    goals: parts.goals.map((g) => ({
      code: g.code,
      title: g.title,
      targets: parts.targets
        .filter((t) => t.goalId === g.id)
        .map((t) => ({
          code: t.code,
          text: t.text,
          measures: (measuresByTarget.get(t.id) ?? []).map((m) => measureOf(m, indicatorCode(m))),
        })),
    })),
    tasks: parts.tasks.map((t) => ({ code: t.code, text: t.text, agencies: t.agencies.map((a) => a.name) })),
    assignments: [...assignmentGroups.values()],
    deadlines: parts.deadlines.map((d) => ({
      report: d.report as NonNullable<PlanDocument['deadlines']>[number]['report'],
      due: d.due,
      ...(d.before ? { before: true } : {}),
      ...(d.recurrence !== null ? { recurrence: d.recurrence } : {}),
      ...(d.year !== null ? { year: d.year } : {}),
      recipient: d.recipient,
      ...(d.text !== null ? { text: d.text } : {}),
    })),
  };
}

/** What an org unit leads and coordinates, across all plans. */
export async function assignmentsOfOrgUnit(deps: PlanDeps, code: string) {
  await requireOrgUnit(deps.db, code);
  const rows = await findAssignmentsOfOrgUnit(deps.db, code);
  const measureRows = await findMeasuresOfTargets(
    deps.db,
    rows.map((r) => r.target.id),
  );
  const byTarget = groupBy(measureRows, (m) => m.targetId);
  const indicatorCode = await indicatorCodesOf(deps.db, measureRows);
  return rows.map((r) => ({
    ...r,
    measures: (byTarget.get(r.target.id) ?? []).map((m) => measureOf(m, indicatorCode(m))),
  }));
}
