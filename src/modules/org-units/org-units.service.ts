import type { Executor } from '../../db/connection.js';
import { compareVietnamese, foldVietnamese } from '../../domain/vietnamese.js';
import { notFound } from '../../core/errors.js';
import {
  countChildrenByKind,
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
