import { eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../db/connection.js';
import { assignments, measures, orgUnits } from '../../db/schema.js';
import { LOCKED_STATUSES, type SubmissionStatus } from '../../domain/workflow.js';
import { lockSubmissionsOf } from './observations.repository.js';
import { can } from '../../domain/permissions.js';
import { AppError } from '../../core/errors.js';
import { ancestryOf } from '../auth/auth.service.js';
import { type Actor } from '../../core/actor.js';
import type { IndicatorRow } from '../indicators/indicators.repository.js';

interface Written {
  line: number;
  indicator: IndicatorRow;
  write: { reportingUnitCode: string; period: string };
}

/**
 * A reporter enters only what its unit owes: an agency the indicators of the targets it leads or coordinates
 * (and those it provides), a commune or province the indicators reported at its level. Coordinators and
 * admins over the unit may enter any indicator.
 */
export async function checkOwedIndicators(
  db: Database,
  actor: Actor,
  rows: readonly Written[],
): Promise<void> {
  const unitCodes = [...new Set(rows.map((r) => r.write.reportingUnitCode))];
  if (unitCodes.length === 0) return;
  const managed = new Set<string>();
  for (const code of unitCodes) {
    if (can(actor.grants, 'submission.accept', await ancestryOf(db, code))) managed.add(code);
  }
  const units = await db.select().from(orgUnits).where(inArray(orgUnits.code, unitCodes));
  const owed = await db
    .selectDistinct({ unit: assignments.orgUnitCode, indicatorId: measures.indicatorId })
    .from(assignments)
    .innerJoin(measures, eq(measures.targetId, assignments.targetId))
    .where(inArray(assignments.orgUnitCode, unitCodes));
  const problems = rows.filter((r) => {
    const code = r.write.reportingUnitCode;
    if (managed.has(code)) return false;
    const unit = units.find((u) => u.code === code);
    if (!unit) return true;
    if (unit.kind === 'agency') {
      const assigned = owed.some((o) => o.unit === code && o.indicatorId === r.indicator.id);
      return !assigned && r.indicator.providerAbbr !== unit.abbreviation;
    }
    return !r.indicator.unitKinds.includes(unit.kind);
  });
  if (problems.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      'Đơn vị không được giao báo cáo chỉ số này',
      problems.map((r) => ({
        path: `line ${r.line}, column indicator`,
        line: r.line,
        column: 'indicator',
        code: 'not_assigned',
        message: `Chỉ số ${r.indicator.code} không thuộc các chỉ tiêu giao cho đơn vị ${r.write.reportingUnitCode}`,
      })),
    );
  }
}

/** The reporting year of a period ("2025-Q3" → "2025"). */
export const reportingYear = (period: string) => period.slice(0, 4);

/**
 * Figures of a unit and year whose submission is approved or accepted are locked until a coordinator reopens it.
 * Call inside the transaction that writes: the submissions concerned (of every plan the unit reports for) stay
 * locked until it commits, so an approval cannot slip in between this check and the write.
 */
export async function checkLocks(db: Executor, rows: readonly Written[]): Promise<void> {
  if (rows.length === 0) return;
  const held = await lockSubmissionsOf(
    db,
    rows.map((r) => ({ unit: r.write.reportingUnitCode, year: reportingYear(r.write.period) })),
  );
  const locked = held.filter((s) => LOCKED_STATUSES.has(s.status as SubmissionStatus));
  const isLocked = (r: Written) =>
    locked.find((l) => l.unit === r.write.reportingUnitCode && l.period === reportingYear(r.write.period));
  const problems = rows.filter(isLocked);
  if (problems.length > 0) {
    throw new AppError(
      'LOCKED',
      'Số liệu đã được duyệt hoặc tiếp nhận nên bị khóa; cần Sở Nội vụ mở lại để sửa',
      problems.map((r) => ({
        path: `line ${r.line}, column period`,
        line: r.line,
        column: 'period',
        code: 'locked',
        message: `Kỳ ${reportingYear(r.write.period)} của đơn vị ${r.write.reportingUnitCode} đã ${isLocked(r)!.status === 'accepted' ? 'được tiếp nhận' : 'được duyệt'}: bị khóa`,
      })),
    );
  }
}
