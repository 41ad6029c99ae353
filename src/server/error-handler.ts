import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, STATUS_OF } from './errors.js';

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
    correlationId: z.string().optional(),
  }),
});

/** "/body/goals/0/code" or "goals.0.code" → "$.goals[0].code". */
function instancePathToJsonPath(instancePath: string): string {
  return instancePath
    .split(/[/.]/)
    .filter((s) => s !== '')
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : `${acc}.${part}`), '$');
}

/** One handler for every error: AppError by its code, request validation as 400, anything else a bare 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(STATUS_OF[error.code]).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: error.issues } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      return reply.code(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: `Dữ liệu gửi lên không hợp lệ (${where}) / invalid ${where}`,
          issues: error.validation.map((v) => ({
            path: instancePathToJsonPath(`${where}/${v.instancePath}`),
            message: v.message ?? 'invalid',
          })),
        },
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors (malformed JSON, body too large): their messages carry no internals.
      return reply
        .code(error.statusCode)
        .send({ error: { code: error.code ?? 'BAD_REQUEST', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({
      error: { code: 'INTERNAL', message: 'Lỗi máy chủ / internal error', correlationId: String(request.id) },
    });
  });
}
