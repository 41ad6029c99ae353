import type { Executor } from '../../db/connection.js';
import { LOCKED_STATUSES } from '../../domain/workflow.js';
import { refuseRows } from './observations.parse.js';
import { lockSubmissionsOf, type ObservationRow } from './observations.repository.js';
import type { Candidate } from './observations.validate.js';

/** The reporting year of a period ("2025-Q3" → "2025"). */
const reportingYear = (period: string) => period.slice(0, 4);

/**
 * The rows whose approval locks apply: each row under the unit now answerable for it, and a replaced figure also
 * under the unit answerable for it so far, when another unit (its provider agency) now reports it.
 */
function answerableRows(
  rows: readonly Candidate[],
  stored: (row: Candidate) => ObservationRow | undefined,
): Candidate[] {
  const previousOwners = rows.flatMap((r) => {
    const s = stored(r);
    return s && s.reportingUnitCode !== r.write.reportingUnitCode
      ? [{ ...r, write: { ...r.write, reportingUnitCode: s.reportingUnitCode } }]
      : [];
  });
  return [...rows, ...previousOwners];
}

/**
 * Figures of a unit and year whose submission is approved or accepted are locked until a coordinator reopens it.
 * Runs inside the transaction that writes: the submissions concerned (of every plan the unit reports for) stay
 * locked until it commits, so an approval cannot slip in between this check and the write.
 */
export async function checkLocks(
  tx: Executor,
  rows: readonly Candidate[],
  stored: (row: Candidate) => ObservationRow | undefined,
): Promise<void> {
  const checked = answerableRows(rows, stored);
  if (checked.length === 0) return;
  const held = await lockSubmissionsOf(
    tx,
    checked.map((r) => ({ unit: r.write.reportingUnitCode, year: reportingYear(r.write.period) })),
  );
  const locked = held.filter((s) => LOCKED_STATUSES.has(s.status));
  const lockOf = (r: Candidate) =>
    locked.find((l) => l.unit === r.write.reportingUnitCode && l.period === reportingYear(r.write.period));
  const problems = checked.filter(lockOf);
  refuseRows(
    'LOCKED',
    'Số liệu đã được duyệt hoặc tiếp nhận nên bị khóa; cần Sở Nội vụ mở lại để sửa',
    problems,
    (r) => ({
      column: 'period',
      code: 'locked',
      message: `Kỳ ${reportingYear(r.write.period)} của đơn vị ${r.write.reportingUnitCode} đã ${lockOf(r)!.status === 'accepted' ? 'được tiếp nhận' : 'được duyệt'}: bị khóa`,
    }),
  );
}
