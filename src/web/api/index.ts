/**
 * The web app's client of the Bình Đẳng HTTP API and the react-query options built on it. Every type is derived
 * from the API's OpenAPI document (schema.gen.ts, `npm run api:generate`); every cache key comes from keys.ts.
 * Reporting (./reporting) and a unit's work (./work) have their own modules.
 */
import { auditQueries } from './audit';
import { authQueries } from './auth';
import { observationQueries } from './observations';
import { orgUnitQueries } from './org-units';
import { planQueries } from './plans';
import { submissionQueries } from './submissions';

export { ApiError, isNotFound, isUuid, setCsrfToken, type ApiIssue } from './client';
export * from './audit';
export * from './auth';
export * from './keys';
export * from './observations';
export * from './org-units';
export * from './plans';
export * from './submissions';

export const queries = {
  ...authQueries,
  ...planQueries,
  ...orgUnitQueries,
  ...observationQueries,
  ...submissionQueries,
  ...auditQueries,
};
