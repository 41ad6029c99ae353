import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/connection.js';
import { AppError } from '../../core/errors.js';
import { recordAudit, type AuditActor } from '../audit/audit.repository.js';
import { requireOrgUnit } from '../org-units/org-units.service.js';
import {
  endTerm,
  findRunningTerm,
  findStaffCount,
  findStaffCountsOfUnit,
  findTermsOfUnit,
  insertTerm,
  lockRegisterOf,
  upsertStaffCount,
  type StaffRow,
  type TermRow,
} from './registers.repository.js';

export interface RegisterDeps {
  db: Database;
  now: Clock;
}

/** A unit's leadership register, by post and date. */
export async function listTerms(deps: Pick<RegisterDeps, 'db'>, unit: string): Promise<TermRow[]> {
  return findTermsOfUnit(deps.db, unit);
}

/** A unit's staff counts by sex, oldest first. */
export async function listStaff(deps: Pick<RegisterDeps, 'db'>, unit: string): Promise<StaffRow[]> {
  return findStaffCountsOfUnit(deps.db, unit);
}

const dayBefore = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/**
 * Records who holds a post from a date: the running term of that post ends the day before, a new one starts.
 * One transaction with its audit row. Names are not kept, only the holder's sex.
 */
export async function changeHolder(
  deps: RegisterDeps,
  actor: AuditActor,
  unit: string,
  input: { position: string; isKeyLeader: boolean; holderSex: 'female' | 'male' | null; fromDate: string },
): Promise<TermRow> {
  await requireOrgUnit(deps.db, unit);
  const position = input.position.trim();
  return deps.db.transaction(async (tx) => {
    await lockRegisterOf(tx, unit);
    const running = await findRunningTerm(tx, unit, position);
    if (running && running.fromDate >= input.fromDate) {
      const message = `Ngày bắt đầu phải sau ngày bắt đầu của nhiệm kỳ hiện tại (${running.fromDate})`;
      throw new AppError('VALIDATION_FAILED', message, [{ path: '$.body.fromDate', message }]);
    }
    if (running) await endTerm(tx, running.id, dayBefore(input.fromDate));
    const term = await insertTerm(tx, {
      orgUnitCode: unit,
      position,
      isKeyLeader: input.isKeyLeader,
      holderSex: input.holderSex,
      fromDate: input.fromDate,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'leadership.change',
        entity: 'leadership',
        entityId: term.id,
        orgUnitCode: unit,
        period: input.fromDate.slice(0, 4),
        before: running ? { position, holderSex: running.holderSex, fromDate: running.fromDate } : null,
        after: {
          position,
          isKeyLeader: input.isKeyLeader,
          holderSex: input.holderSex,
          fromDate: input.fromDate,
        },
      },
      deps.now(),
    );
    return term;
  });
}

/** Staff by sex on a date (replaces the count of that date). */
export async function recordStaff(
  deps: RegisterDeps,
  actor: AuditActor,
  unit: string,
  input: { asOf: string; female: number; male: number },
): Promise<StaffRow> {
  await requireOrgUnit(deps.db, unit);
  return deps.db.transaction(async (tx) => {
    await lockRegisterOf(tx, unit);
    const before = await findStaffCount(tx, unit, input.asOf);
    const row = await upsertStaffCount(tx, unit, input);
    await recordAudit(
      tx,
      actor,
      {
        action: 'staff.record',
        entity: 'staff',
        entityId: `${unit}|${input.asOf}`,
        orgUnitCode: unit,
        before: before ? { female: before.female, male: before.male } : null,
        after: input,
      },
      deps.now(),
    );
    return row;
  });
}
