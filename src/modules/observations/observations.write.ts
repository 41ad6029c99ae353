import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { fromNumeric, type Database, type Executor } from '../../db/connection.js';
import { observationKey } from '../../domain/observation-key.js';
import { recordAudit, type AuditActor, type CompactFigureAudit } from '../audit/audit.repository.js';
import { checkLocks } from './observations.locks.js';
import { rowIssue } from './observations.parse.js';
import {
  analyzeObservations,
  analyzedObservationRows,
  keyOf,
  lockObservations,
  upsertObservations,
  type ObservationRow,
} from './observations.repository.js';
import type { Candidate } from './observations.validate.js';

/**
 * A batch this large refreshes the planner's statistics once committed, when it is also a tenth or more of the
 * table the statistics last saw (PostgreSQL's autovacuum uses the same share): the next batch's reads (history,
 * groups, locks) are planned for the table as it now is. PGlite never analyzes by itself. A batch small beside
 * the table changes nothing the plans depend on, and ANALYZE costs a few hundred milliseconds each time.
 */
export const ANALYZE_AFTER_ROWS = 5_000;
const ANALYZE_SHARE = 0.1;

/** Whether a batch of `written` figures calls for fresh statistics, the last ones having counted `analyzed`. */
export const needsAnalyze = (written: number, analyzed: number) =>
  written >= ANALYZE_AFTER_ROWS && written >= ANALYZE_SHARE * analyzed;

/** The 409 of a batch in which some figures were changed by someone else since the user opened them. */
function staleConflict(rows: readonly (Candidate & { existing: ObservationRow })[]): AppError {
  return new AppError(
    'CONFLICT',
    'Số liệu đã được người khác sửa sau khi bạn mở: xem giá trị hiện tại và chọn giữ bản nào',
    rows.map(({ line, expectedVersion, existing }) => ({
      ...rowIssue({
        line,
        column: 'version',
        code: 'stale_version',
        message: `Giá trị hiện tại ${Number(existing.value)} (phiên bản ${existing.version}); bạn sửa từ phiên bản ${expectedVersion ?? 0}`,
      }),
      current: {
        value: Number(existing.value),
        numerator: fromNumeric(existing.numerator),
        denominator: fromNumeric(existing.denominator),
        version: existing.version,
      },
    })),
  );
}

/** The audit trail's key of a candidate figure. */
const auditKey = ({ indicator, write }: Candidate) =>
  observationKey({
    indicator: indicator.code,
    orgUnit: write.orgUnitCode,
    period: write.period,
    sex: write.sex,
    ageGroup: write.ageGroup,
    ethnicity: write.ethnicity,
    area: write.area,
  });

/** The stored figures the batch replaces, locked (FOR UPDATE) until the transaction ends, by their key. */
async function lockStored(tx: Executor, rows: readonly Candidate[]): Promise<Map<string, ObservationRow>> {
  return new Map(
    (
      await lockObservations(
        tx,
        rows.map((c) => c.write),
      )
    ).map((s) => [keyOf(s), s]),
  );
}

/**
 * Writes the figures whose stored version is still the one their writer saw, and refuses the batch (409) when any
 * is not: changed since it was opened, or created by someone else while it was new.
 */
async function writeExpected(
  tx: Executor,
  rows: readonly Candidate[],
  storedOf: (c: Candidate) => ObservationRow | undefined,
  at: Date,
): Promise<number> {
  const stale = rows.filter((c) => {
    const existing = storedOf(c);
    return c.expectedVersion !== null && existing !== undefined && existing.version !== c.expectedVersion;
  });
  if (stale.length > 0) throw staleConflict(stale.map((c) => ({ ...c, existing: storedOf(c)! })));
  const writtenKeys = new Set(
    await upsertObservations(
      tx,
      rows.map((c) => c.write),
      at,
      rows.map((c) => storedOf(c)?.version ?? 0),
    ),
  );
  // A figure that was new when locked but that someone else created meanwhile: not overwritten unseen.
  const raced = rows.filter((c) => !writtenKeys.has(keyOf(c.write)));
  if (raced.length > 0) {
    const latest = await lockStored(tx, raced);
    throw staleConflict(
      raced.flatMap((c) =>
        latest.has(keyOf(c.write)) ? [{ ...c, existing: latest.get(keyOf(c.write))! }] : [],
      ),
    );
  }
  return writtenKeys.size;
}

/**
 * One audit row for the batch, compact whatever its size (docs/NOTES.md, "Audit of figure entry"): `before` holds
 * the figures replaced, each with its value and version (the only copy of a value once replaced); `after` counts
 * the figures inserted and updated, names their units, periods and indicators, and lists their keys. A written
 * value is not copied: it is the stored figure until it is replaced, and then the `before` of the row that
 * replaced it (observationHistory puts the two together). A new figure has version 1, an updated one the version
 * in `before` plus one.
 */
async function auditBatch(
  tx: Executor,
  actor: AuditActor,
  rows: readonly Candidate[],
  storedOf: (c: Candidate) => ObservationRow | undefined,
  at: Date,
): Promise<void> {
  const units = [...new Set(rows.map((c) => c.write.reportingUnitCode))];
  const periods = [...new Set(rows.map((c) => c.write.period))];
  const updated = rows.filter((c) => storedOf(c) !== undefined);
  const inserted = rows.filter((c) => storedOf(c) === undefined);
  await recordAudit(
    tx,
    actor,
    {
      action: 'observation.record',
      entity: 'observation',
      entityId: rows.length === 1 ? auditKey(rows[0]!) : null,
      orgUnitCode: units.length === 1 ? units[0]! : null,
      period: periods.length === 1 ? periods[0]! : null,
      before: updated.map((c) => {
        const s = storedOf(c)!;
        return {
          key: auditKey(c),
          value: Number(s.value),
          numerator: fromNumeric(s.numerator),
          denominator: fromNumeric(s.denominator),
          version: s.version,
        };
      }),
      after: {
        inserted: inserted.length,
        updated: updated.length,
        units: units.sort(),
        periods: periods.sort(),
        indicators: [...new Set(rows.map((c) => c.indicator.code))].sort(),
        insertedKeys: inserted.map(auditKey),
        updatedKeys: updated.map(auditKey),
      } satisfies CompactFigureAudit,
    },
    at,
  );
}

/**
 * Stores validated figures in one transaction: the stored figures are locked first, then the approval locks of
 * their units and years are checked under a share lock on the submissions, then versions are checked and the
 * figures written and audited. Nothing read outside this transaction decides whether the write may happen: a
 * figure not stored when the batch was read is not locked, but written only if still new (expected version 0).
 * Four statements whatever the batch's size: lock the figures, lock the submissions, write (one INSERT … ON
 * CONFLICT from unnest), audit; and ANALYZE after a large batch.
 */
export async function writeObservations(
  deps: { db: Database; now: Clock },
  rows: readonly Candidate[],
  actor: AuditActor,
): Promise<number> {
  const now = deps.now();
  const written = await deps.db.transaction(async (tx) => {
    // A new batch (none of its figures stored when it was read) has nothing to lock.
    const stored = await lockStored(
      tx,
      rows.filter((c) => c.storedWhenRead !== false),
    );
    // Each row's stored figure looked up once (the checks, the write and the audit all ask).
    const storedByRow = new Map(
      rows.map((c) => [c, stored.size > 0 ? stored.get(keyOf(c.write)) : undefined]),
    );
    const storedOf = (c: Candidate) => storedByRow.get(c);
    await checkLocks(tx, rows, storedOf);
    const count = await writeExpected(tx, rows, storedOf, now);
    await auditBatch(tx, actor, rows, storedOf, now);
    return count;
  });
  // The statistics' count is read only for a batch large enough to need it.
  if (written >= ANALYZE_AFTER_ROWS && needsAnalyze(written, await analyzedObservationRows(deps.db))) {
    await analyzeObservations(deps.db);
  }
  return written;
}
