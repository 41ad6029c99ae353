import type { Clock } from '../../core/clock.js';
import type { Database, Executor } from '../../db/connection.js';
import { unitTitle } from '../../domain/issuer.js';
import { compareVietnamese, foldVietnamese, normalizeName } from '../../domain/vietnamese.js';
import { AppError, notFound } from '../../core/errors.js';
import { recordAudit, type AuditActor } from '../audit/audit.repository.js';
import {
  countChildrenByKind,
  deleteOrgUnit,
  findLastSectionNumber,
  insertOrgUnit,
  isForeignKeyViolation,
  lockOrgUnit,
  updateOrgUnitNames,
  findAncestors,
  findChildren,
  findOrgUnit,
  searchOrgUnits,
  type OrgUnitKind,
  type OrgUnitRecord,
} from './org-units.repository.js';

export interface OrgUnitDeps {
  db: Executor;
}

const KIND_ORDER: Record<OrgUnitKind, number> = { nation: 0, province: 1, agency: 2, commune: 3, section: 4 };

/** Agencies before communes, each group in Vietnamese alphabetical order. */
function byKindThenName(a: OrgUnitRecord, b: OrgUnitRecord): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareVietnamese(a.name, b.name);
}

/** The unit with that code; 404 when there is none. */
export async function requireOrgUnit(db: Executor, code: string): Promise<OrgUnitRecord> {
  const unit = await findOrgUnit(db, code);
  if (!unit) throw notFound(`Đơn vị ${code}`);
  return unit;
}

export async function getOrgUnit(deps: OrgUnitDeps, code: string) {
  const unit = await requireOrgUnit(deps.db, code);
  const [ancestors, counts] = await Promise.all([
    findAncestors(deps.db, code),
    countChildrenByKind(deps.db, code),
  ]);
  return { unit, ancestors, counts };
}

export async function listChildren(deps: OrgUnitDeps, code: string, kind?: OrgUnitKind) {
  await requireOrgUnit(deps.db, code);
  const children = await findChildren(deps.db, code, kind);
  return children.sort(byKindThenName);
}

/**
 * Search by name without tone marks ("lang son" finds Lạng Sơn). Ranked: exact names, names that start
 * with the query, names that contain it as a phrase, then any order of the words; within each, by level (province, agency, commune), then Vietnamese order.
 */
export async function searchUnits(
  deps: OrgUnitDeps,
  query: { q: string; kind?: OrgUnitKind; parent?: string; limit: number },
): Promise<OrgUnitRecord[]> {
  const folded = foldVietnamese(query.q);
  const words = folded.split(' ').filter((w) => w !== '');
  const rows = await searchOrgUnits(deps.db, words, {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.parent ? { parentCode: query.parent } : {}),
    limit: 5000,
  });
  const rank = (r: OrgUnitRecord) => {
    const name = foldVietnamese(r.name);
    if (name === folded) return 0;
    if (name.startsWith(folded)) return 1;
    return foldVietnamese(r.fullName).includes(folded) ? 2 : 3;
  };
  return rows.sort((a, b) => rank(a) - rank(b) || byKindThenName(a, b)).slice(0, query.limit);
}

export interface SectionDeps {
  db: Database;
  now: Clock;
}

/** The kinds of unit that have sections: an agency (its phòng, ban, trung tâm) and a commune (its Văn phòng). */
const SECTION_PARENTS: readonly OrgUnitKind[] = ['agency', 'commune'];

/** What a section is, read from its name ("Phòng Quản lý xây dựng" → Phòng); "Phòng, ban" when the name says nothing. */
export function sectionTypeOf(name: string): string {
  const folded = foldVietnamese(name);
  const types = ['Văn phòng', 'Thanh tra', 'Trung tâm', 'Chi cục', 'Phòng', 'Ban', 'Đội', 'Tổ'];
  return (
    types.find((t) => folded === foldVietnamese(t) || folded.startsWith(`${foldVietnamese(t)} `)) ??
    'Phòng, ban'
  );
}

/** The names of a section of `parent`: its name as written, its full name with the parent's. */
function sectionNames(name: string, parent: OrgUnitRecord) {
  const fullName = `${name} – ${parent.kind === 'commune' ? unitTitle(parent) : parent.fullName}`;
  return {
    name,
    fullName,
    unitType: sectionTypeOf(name),
    searchText: foldVietnamese([name, fullName].join(' ')),
  };
}

async function requireSectionParent(db: Executor, code: string): Promise<OrgUnitRecord> {
  const parent = await requireOrgUnit(db, code);
  if (!SECTION_PARENTS.includes(parent.kind)) {
    const message =
      'Chỉ cơ quan, đơn vị và UBND cấp xã có phòng, ban / only agencies and communes have sections';
    throw new AppError('VALIDATION_FAILED', message, [{ path: '$.params.code', message }]);
  }
  return parent;
}

/** The section `code` of `parent`; 404 for any other unit, so that a route on one agency never touches another's. */
async function requireSectionOf(db: Executor, parent: string, code: string): Promise<OrgUnitRecord> {
  const unit = await findOrgUnit(db, code);
  if (!unit || unit.kind !== 'section' || unit.parentCode !== parent) throw notFound(`Phòng, ban ${code}`);
  return unit;
}

function refuseDuplicateName(siblings: readonly OrgUnitRecord[], name: string, except?: string): void {
  const folded = foldVietnamese(name);
  if (siblings.some((s) => s.code !== except && foldVietnamese(s.name) === folded)) {
    const message = `Đơn vị đã có phòng, ban tên "${name}" / a section of that name exists`;
    throw new AppError('CONFLICT', message, [{ path: '$.body.name', message }]);
  }
}

/**
 * Adds a section (phòng, ban, trung tâm, văn phòng) under an agency or commune, code `<parent>-<n>` with n one
 * more than any number given there before (never reused). One transaction with its audit row.
 */
export async function addSection(
  deps: SectionDeps,
  actor: AuditActor,
  parentCode: string,
  input: { name: string },
): Promise<OrgUnitRecord> {
  const name = normalizeName(input.name);
  return deps.db.transaction(async (tx) => {
    const parent = await requireSectionParent(tx, parentCode);
    await lockOrgUnit(tx, parent.code);
    refuseDuplicateName(await findChildren(tx, parent.code, 'section'), name);
    const code = `${parent.code}-${(await findLastSectionNumber(tx, parent.code)) + 1}`;
    const unit = await insertOrgUnit(tx, {
      code,
      parentCode: parent.code,
      kind: 'section',
      nameEn: null,
      abbreviation: null,
      aliases: [],
      ...sectionNames(name, parent),
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'section.add',
        entity: 'org_unit',
        entityId: code,
        orgUnitCode: parent.code,
        after: { name },
      },
      deps.now(),
    );
    return unit;
  });
}

/** Renames a section of `parentCode`; its code stays. Audited. */
export async function renameSection(
  deps: SectionDeps,
  actor: AuditActor,
  parentCode: string,
  code: string,
  input: { name: string },
): Promise<OrgUnitRecord> {
  const name = normalizeName(input.name);
  return deps.db.transaction(async (tx) => {
    const parent = await requireSectionParent(tx, parentCode);
    await lockOrgUnit(tx, parent.code);
    const section = await requireSectionOf(tx, parent.code, code);
    refuseDuplicateName(await findChildren(tx, parent.code, 'section'), name, code);
    const unit = await updateOrgUnitNames(tx, code, sectionNames(name, parent));
    await recordAudit(
      tx,
      actor,
      {
        action: 'section.rename',
        entity: 'org_unit',
        entityId: code,
        orgUnitCode: parent.code,
        before: { name: section.name },
        after: { name },
      },
      deps.now(),
    );
    return unit;
  });
}

/**
 * Removes a section of `parentCode` that nothing refers to yet (a section entered by mistake). One with records
 * (leadership terms, staff counts, activities, figures, accounts) is kept: 409, rename it instead.
 */
export async function removeSection(
  deps: SectionDeps,
  actor: AuditActor,
  parentCode: string,
  code: string,
): Promise<void> {
  try {
    await deps.db.transaction(async (tx) => {
      const parent = await requireSectionParent(tx, parentCode);
      await lockOrgUnit(tx, parent.code);
      const section = await requireSectionOf(tx, parent.code, code);
      await deleteOrgUnit(tx, code);
      await recordAudit(
        tx,
        actor,
        {
          action: 'section.remove',
          entity: 'org_unit',
          entityId: code,
          orgUnitCode: parent.code,
          before: { name: section.name },
        },
        deps.now(),
      );
    });
  } catch (err) {
    if (!isForeignKeyViolation(err)) throw err;
    const message =
      'Phòng, ban đã có dữ liệu, không xóa được / the section has records and cannot be removed';
    throw new AppError('CONFLICT', message, [{ path: '$.params.section', message }]);
  }
}

/**
 * The unit whose rights govern a unit's registers: a section's agency (or commune), any other unit itself; the
 * code as given when no unit has it (the policy then refuses all but an admin over the nation).
 */
export async function registerKeeperOf(db: Executor, code: string): Promise<string> {
  const unit = await findOrgUnit(db, code);
  return unit?.kind === 'section' && unit.parentCode ? unit.parentCode : code;
}
