/** The audit trail, and the change histories of one figure or one plan read from it. */
import { getQuery, withoutEmpty, type QueryOf, type ResponseOf } from './client';
import { auditKeys, historyKeys } from './keys';

/** One row of the audit trail. */
export type AuditEntry = ResponseOf<'/api/audit', 'get'>['items'][number];
export type AuditFilter = QueryOf<'/api/audit', 'get'>;

/** The trail grows with every write anywhere: read it again each time it is shown. */
const ALWAYS_FRESH = { staleTime: 0 };

export const auditQueries = {
  audit: (filter: AuditFilter) =>
    getQuery(auditKeys.list(filter), '/api/audit', { query: withoutEmpty(filter) }, ALWAYS_FRESH),
  observationHistory: (key: string) =>
    getQuery(historyKeys.observation(key), '/api/history/observation', { query: { key } }, ALWAYS_FRESH),
  planHistory: (id: string) =>
    getQuery(historyKeys.plan(id), '/api/plans/{id}/history', { path: { id } }, ALWAYS_FRESH),
};
