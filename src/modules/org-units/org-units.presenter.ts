import type { OrgUnitRecord } from './org-units.repository.js';
import type { OrgUnitDetail, OrgUnitSummary } from './org-units.schemas.js';

export function presentOrgUnit(r: OrgUnitRecord): OrgUnitSummary {
  return {
    code: r.code,
    kind: r.kind,
    name: r.name,
    fullName: r.fullName,
    nameEn: r.nameEn,
    type: r.unitType,
    parentCode: r.parentCode,
  };
}

export function presentOrgUnitDetail(
  r: OrgUnitRecord,
  ancestors: OrgUnitRecord[],
  counts: Record<string, number>,
): OrgUnitDetail {
  return {
    ...presentOrgUnit(r),
    abbreviation: r.abbreviation,
    aliases: r.aliases,
    ancestors: ancestors.map(presentOrgUnit),
    childCounts: {
      province: counts.province ?? 0,
      commune: counts.commune ?? 0,
      agency: counts.agency ?? 0,
      section: counts.section ?? 0,
    },
  };
}
