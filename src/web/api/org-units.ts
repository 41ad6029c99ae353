/** The org units (nation, provinces, agencies, communes) and what plans assign to them. */
import { getQuery, type ResponseOf } from './client';
import { orgUnitKeys } from './keys';

export type OrgUnitDetail = ResponseOf<'/api/org-units/{code}', 'get'>;
export type OrgUnitSummary = ResponseOf<'/api/org-units/{code}/children', 'get'>['items'][number];
export type OrgUnitKind = OrgUnitSummary['kind'];
export type OrgUnitAssignments = ResponseOf<'/api/org-units/{code}/assignments', 'get'>;
export type Assignment = OrgUnitAssignments['items'][number];

const byCode = (code: string) => ({ path: { code } });

export const orgUnitQueries = {
  orgUnit: (code: string) => getQuery(orgUnitKeys.detail(code), '/api/org-units/{code}', byCode(code)),
  orgUnitChildren: (code: string) =>
    getQuery(orgUnitKeys.children(code), '/api/org-units/{code}/children', byCode(code)),
  orgUnitAssignments: (code: string) =>
    getQuery(orgUnitKeys.assignments(code), '/api/org-units/{code}/assignments', byCode(code)),
  orgUnitSearch: (q: string) =>
    getQuery(orgUnitKeys.search(q), '/api/org-units', { query: { q, limit: 50 } }),
};
