/** The org units (nation, provinces, agencies, communes) and what plans assign to them. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from './client';
import { orgUnitKeys } from './keys';

export type OrgUnitDetail = ResponseOf<'/api/org-units/{code}', 'get'>;
export type OrgUnitSummary = ResponseOf<'/api/org-units/{code}/children', 'get'>['items'][number];
export type OrgUnitKind = OrgUnitSummary['kind'];
export type OrgUnitAssignments = ResponseOf<'/api/org-units/{code}/assignments', 'get'>;
export type Assignment = OrgUnitAssignments['items'][number];

const byCode = (code: string) => ({ path: { code } });

export const orgUnitQueries = {
  orgUnit: (code: string) =>
    queryOptions({
      queryKey: orgUnitKeys.detail(code),
      queryFn: ({ signal }) => unwrap(api.GET('/api/org-units/{code}', { params: byCode(code), signal })),
    }),
  orgUnitChildren: (code: string) =>
    queryOptions({
      queryKey: orgUnitKeys.children(code),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/org-units/{code}/children', { params: byCode(code), signal })),
    }),
  orgUnitAssignments: (code: string) =>
    queryOptions({
      queryKey: orgUnitKeys.assignments(code),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/org-units/{code}/assignments', { params: byCode(code), signal })),
    }),
  orgUnitSearch: (q: string) =>
    queryOptions({
      queryKey: orgUnitKeys.search(q),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/org-units', { params: { query: { q, limit: 50 } }, signal })),
    }),
};
