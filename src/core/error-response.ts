import { z } from 'zod';
import { ISSUE_LIMIT } from '../domain/input-limits.js';
import type { ErrorIssue } from './errors.js';

/** The body of every error answer, as the OpenAPI document describes it. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          line: z.number().optional(),
          column: z.string().optional(),
          code: z.string().optional(),
          current: z.record(z.string(), z.unknown()).optional(),
        }),
      )
      .optional(),
    issueCount: z
      .number()
      .int()
      .optional()
      .describe(`How many issues there are in all; only the first ${ISSUE_LIMIT} are listed`),
    correlationId: z.string().optional(),
  }),
});

// A named OpenAPI component: every route's error answers refer to it (and the web client reads its type there).
z.globalRegistry.add(errorResponseSchema, { id: 'ErrorResponse' });

/**
 * The issues of an answer: the first ISSUE_LIMIT, and their total beside them when there are more, so that a large
 * bad import cannot produce an answer many times its own size.
 */
export function cappedIssues(issues: readonly ErrorIssue[]): { issues: ErrorIssue[]; issueCount?: number } {
  return issues.length > ISSUE_LIMIT
    ? { issues: issues.slice(0, ISSUE_LIMIT), issueCount: issues.length }
    : { issues: [...issues] };
}

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 423 | 429 | 503 | 507;

/** The error answers a route documents, each with the one error body: `response: { 200: x, ...errorResponses(400, 404) }`. */
export function errorResponses<S extends ErrorStatus>(
  ...statuses: S[]
): Record<S, typeof errorResponseSchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorResponseSchema])) as Record<
    S,
    typeof errorResponseSchema
  >;
}
