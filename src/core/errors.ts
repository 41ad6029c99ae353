/** The one application error type; `code` maps to an HTTP status in one table. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'WARNINGS_UNACKNOWLEDGED'
  | 'LOCKED'
  | 'TOO_MANY_ATTEMPTS'
  | 'DATABASE_UNAVAILABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'INSUFFICIENT_STORAGE';

export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  WARNINGS_UNACKNOWLEDGED: 422,
  LOCKED: 423,
  TOO_MANY_ATTEMPTS: 429,
  DATABASE_UNAVAILABLE: 503,
  PAYLOAD_TOO_LARGE: 413,
  INSUFFICIENT_STORAGE: 507,
};

export interface ErrorIssue {
  /** JSONPath of the offending field (`$.goals[0].code`), or "line N, column C" for CSV rows. */
  path: string;
  message: string;
  /** For row-based input (CSV, batches): the line and column, and a stable code of the rule. */
  line?: number;
  column?: string;
  code?: string;
  /** For a conflict: the value stored now, so the user can choose. */
  current?: Record<string, unknown>;
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

/** The database cannot be reached now (restarting, connections ended): the request may be retried shortly. */
export const databaseUnavailable = () =>
  new AppError(
    'DATABASE_UNAVAILABLE',
    'Không kết nối được cơ sở dữ liệu, vui lòng thử lại sau ít phút / the database is unavailable, please try again shortly',
  );
