/** The audit trail, and the change histories of one figure or one plan read from it. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, withoutEmpty, type QueryOf, type ResponseOf } from './client';
import { auditKeys, historyKeys } from './keys';

/** One row of the audit trail. */
export type AuditEntry = ResponseOf<'/api/audit', 'get'>['items'][number];
export type AuditFilter = QueryOf<'/api/audit', 'get'>;

export const auditQueries = {
  audit: (filter: AuditFilter) =>
    queryOptions({
      queryKey: auditKeys.list(filter),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/audit', { params: { query: withoutEmpty(filter) }, signal })),
      staleTime: 0,
    }),
  observationHistory: (key: string) =>
    queryOptions({
      queryKey: historyKeys.observation(key),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/history/observation', { params: { query: { key } }, signal })),
      staleTime: 0,
    }),
  planHistory: (id: string) =>
    queryOptions({
      queryKey: historyKeys.plan(id),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/plans/{id}/history', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
};
