import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDatabaseUnavailable, sqlState } from '../db/connection.js';
import { ISSUE_LIMIT } from '../domain/input-limits.js';
import { AppError, STATUS_OF, databaseUnavailable, type ErrorIssue } from './errors.js';

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

/** "/body/goals/0/code" or "goals.0.code" → "$.goals[0].code". */
function instancePathToJsonPath(instancePath: string): string {
  return instancePath
    .split(/[/.]/)
    .filter((s) => s !== '')
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : `${acc}.${part}`), '$');
}

/** Vietnamese first for the client errors Fastify raises itself before a route runs. */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Dữ liệu hoặc tệp gửi lên quá lớn',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Kiểu dữ liệu gửi lên (Content-Type) không được nhận',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Nội dung JSON rỗng',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Nội dung JSON không hợp lệ',
};

/**
 * The issues of an answer: the first ISSUE_LIMIT, and their total beside them when there are more, so that a large
 * bad import cannot produce an answer many times its own size.
 */
export function cappedIssues(issues: readonly ErrorIssue[]): { issues: ErrorIssue[]; issueCount?: number } {
  return issues.length > ISSUE_LIMIT
    ? { issues: issues.slice(0, ISSUE_LIMIT), issueCount: issues.length }
    : { issues: [...issues] };
}

/** SQLSTATEs of a transaction that lost a race and was rolled back by the database: the request may be retried. */
const RETRYABLE_STATES = new Set(['40001', '40P01']);

/** The database gone (503) or a transaction it rolled back (409), as an AppError; null for anything else. */
function fromDatabaseError(error: unknown): AppError | null {
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  if (RETRYABLE_STATES.has(sqlState(error) ?? '')) {
    return new AppError(
      'CONFLICT',
      'Thao tác trùng lúc với một thao tác khác trên cùng dữ liệu: vui lòng thử lại / a concurrent change to the same data interrupted this one, please try again',
    );
  }
  return null;
}

/**
 * One handler for every error: AppError by its code, request validation as 400, the database gone as 503,
 * anything else a bare 500.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const fromDatabase = error instanceof AppError ? null : fromDatabaseError(error);
    if (fromDatabase) {
      request.log.warn({ err: error }, 'database error answered as %s', fromDatabase.code);
      if (fromDatabase.code === 'DATABASE_UNAVAILABLE') void reply.header('retry-after', '5');
    }
    const appError = error instanceof AppError ? error : fromDatabase;
    if (appError) {
      return reply.code(STATUS_OF[appError.code]).send({
        error: {
          code: appError.code,
          message: appError.message,
          ...(appError.issues ? cappedIssues(appError.issues) : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      return reply.code(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: `Dữ liệu gửi lên không hợp lệ (${where}) / invalid ${where}`,
          ...cappedIssues(
            error.validation.map((v) => ({
              path: instancePathToJsonPath(`${where}/${v.instancePath}`),
              message: v.message ?? 'invalid',
            })),
          ),
        },
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors (malformed JSON, body too large): their messages carry no internals.
      const known = FASTIFY_MESSAGES[error.code];
      return reply.code(error.statusCode).send({
        error: {
          code: error.code ?? 'BAD_REQUEST',
          message: known ? `${known} / ${error.message}` : error.message,
        },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({
      error: { code: 'INTERNAL', message: 'Lỗi máy chủ / internal error', correlationId: String(request.id) },
    });
  });
}
