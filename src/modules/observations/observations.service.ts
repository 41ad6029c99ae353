import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { Actor } from '../../core/actor.js';
import type { Database } from '../../db/connection.js';
import type { NumberLocale } from '../../domain/locale-number.js';
import { SYSTEM_ACTOR } from '../audit/audit.repository.js';
import { readableUnits } from '../auth/auth.service.js';
import { findIndicatorsByCodes, findIndicatorsByIds } from '../indicators/indicators.repository.js';
import { checkOwedIndicators } from './observations.access.js';
import type { RowWarning } from './observations.consistency.js';
import { rowIssue, type RawObservation, type RowProblem } from './observations.parse.js';
import { presentObservation } from './observations.presenter.js';
import { findObservations } from './observations.repository.js';
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
export async function listObservations(
  db: Database,
  actor: Actor | null,
  filter: { indicator?: string | undefined; orgUnit?: string | undefined; period?: string | undefined },
): Promise<ObservationView[]> {
  const indicator = filter.indicator ? (await findIndicatorsByCodes(db, [filter.indicator]))[0] : undefined;
  if (filter.indicator && !indicator) return [];
  const found = await findObservations(db, {
    ...(indicator ? { indicatorId: indicator.id } : {}),
    ...(filter.orgUnit ? { orgUnitCode: filter.orgUnit } : {}),
    ...(filter.period ? { period: filter.period } : {}),
  });
  const readable = await readableUnits(
    db,
    actor,
    found.filter((r) => !r.accepted).map((r) => r.reportingUnitCode),
  );
  const rows = found.filter((r) => r.accepted || readable.has(r.reportingUnitCode));
  const codes = new Map(
    (
      await findIndicatorsByIds(
        db,
        rows.map((r) => r.indicatorId),
      )
    ).map((i) => [i.id, i.code]),
  );
  return rows.map((r) => presentObservation(r, codes.get(r.indicatorId)!));
}
