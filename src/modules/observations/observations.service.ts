import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { Actor } from '../../core/actor.js';
import type { Database } from '../../db/connection.js';
import type { NumberLocale } from '../../domain/locale-number.js';
import { readableRoots } from '../../domain/permissions.js';
import { SYSTEM_ACTOR } from '../audit/audit.repository.js';
import { findIndicatorsByCodes, findIndicatorsByIds } from '../indicators/indicators.repository.js';
import { checkOwedIndicators } from './observations.access.js';
import type { RowWarning } from './observations.consistency.js';
import { rowIssue, type RawObservation, type RowProblem } from './observations.parse.js';
import { presentObservation } from './observations.presenter.js';
import { findObservationPage, type FigureCursor } from './observations.repository.js';
import type { ObservationView } from './observations.schemas.js';
import { validateObservations, type ValidatedBatch } from './observations.validate.js';
import { writeObservations } from './observations.write.js';

export interface RecordOptions {
  locale: NumberLocale;
  /** "all": any bad row stores nothing; "valid-only": store the good rows, report the bad ones. */
  mode: 'all' | 'valid-only';
  acknowledgeWarnings: boolean;
  isDemo?: boolean;
  /** Who writes: reporters are held to the indicators their unit owes; null for the system (demo data). */
  actor?: Actor | null;
}

export interface RecordResult {
  stored: number;
  rejected: RowProblem[];
  warnings: RowWarning[];
}

/** Refuses a batch with bad rows: all of it in mode "all", and in any mode when no row is good. */
function refuseInvalid({ problems, valid }: ValidatedBatch, mode: RecordOptions['mode']): void {
  if (problems.length > 0 && (mode === 'all' || valid.length === 0)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Có ${new Set(problems.map((p) => p.line)).size} dòng không hợp lệ; chưa lưu số liệu nào`,
      problems.map(rowIssue),
    );
  }
}

/** Refuses a batch with outliers until the user has looked at them again and sends it acknowledged. */
function refuseUnacknowledged(warnings: readonly RowWarning[], acknowledged: boolean): void {
  if (warnings.length > 0 && !acknowledged) {
    throw new AppError(
      'WARNINGS_UNACKNOWLEDGED',
      'Có giá trị bất thường cần xác nhận trước khi lưu (acknowledgeWarnings)',
      warnings.map(rowIssue),
    );
  }
}

/**
 * Validates and stores figures. Every problem is reported with its line and column. In mode "all" one bad
 * row stores nothing; warnings (outliers) must be acknowledged before anything is stored. The write is one
 * transaction, which also checks approval locks and versions (see writeObservations).
 */
export async function recordObservations(
  deps: { db: Database; now: Clock },
  raws: readonly RawObservation[],
  options: RecordOptions,
): Promise<RecordResult> {
  if (raws.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Không có dòng số liệu nào / no rows', [
      { path: '$.rows', message: 'Không có dòng số liệu nào', code: 'no_rows' },
    ]);
  }
  const batch = await validateObservations(deps.db, raws, {
    locale: options.locale,
    isDemo: options.isDemo ?? false,
  });
  refuseInvalid(batch, options.mode);
  refuseUnacknowledged(batch.warnings, options.acknowledgeWarnings);
  if (options.actor) await checkOwedIndicators(deps.db, options.actor, batch.valid);
  const stored = await writeObservations(deps, batch.valid, options.actor ?? SYSTEM_ACTOR);
  return { stored, rejected: batch.problems, warnings: batch.warnings };
}

/**
 * Stored figures by indicator code, unit and period. Accepted figures are public; the rest only for those with a
 * role over the reporting unit.
 */
/**
 * A page of the stored figures matching the filter that the caller may see (`limit` at most), the total, and the
 * cursor of the next page (null on the last). The cursor is opaque to callers: the last figure's period, sex and id.
 */
export async function listObservations(
  db: Database,
  actor: Actor | null,
  filter: {
    indicator?: string | undefined;
    orgUnit?: string | undefined;
    period?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ items: ObservationView[]; total: number; nextCursor: string | null }> {
  const indicator = filter.indicator ? (await findIndicatorsByCodes(db, [filter.indicator]))[0] : undefined;
  if (filter.indicator && !indicator) return { items: [], total: 0, nextCursor: null };
  const { rows, total } = await findObservationPage(
    db,
    {
      ...(indicator ? { indicatorId: indicator.id } : {}),
      ...(filter.orgUnit ? { orgUnitCode: filter.orgUnit } : {}),
      ...(filter.period ? { period: filter.period } : {}),
    },
    actor ? readableRoots(actor.grants) : [],
    filter.cursor ? decodeCursor(filter.cursor) : null,
    filter.limit,
  );
  const codes = new Map(
    (
      await findIndicatorsByIds(
        db,
        rows.map((r) => r.indicatorId),
      )
    ).map((i) => [i.id, i.code]),
  );
  const last = rows.at(-1);
  return {
    items: rows.map((r) => presentObservation(r, codes.get(r.indicatorId)!)),
    total,
    nextCursor:
      rows.length === filter.limit && last
        ? Buffer.from(JSON.stringify([last.period, last.sex, last.id])).toString('base64url')
        : null,
  };
}

/** A cursor given back by a caller: refused by name when it is not one this list wrote. */
function decodeCursor(cursor: string): FigureCursor {
  try {
    const [period, sex, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof period === 'string' &&
      typeof sex === 'string' &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    )
      return { period, sex, id };
  } catch {
    // reported below
  }
  throw new AppError('VALIDATION_FAILED', 'Con trỏ trang không hợp lệ / invalid page cursor', [
    {
      path: '$.query.cursor',
      message: 'Con trỏ trang không hợp lệ: dùng nextCursor của trang trước',
      code: 'invalid_cursor',
    },
  ]);
}
