/** The one application error type; `code` maps to an HTTP status in one table. */
export type ErrorCode = 'NOT_FOUND' | 'VALIDATION_FAILED' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT';

export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

export interface ErrorIssue {
  /** JSONPath of the offending field, e.g. `$.goals[0].code`. */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} không tồn tại / not found`);
