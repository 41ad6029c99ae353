import type { Actor } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import type { Database } from '../../db/connection.js';
import { canReadUnit } from '../auth/auth.service.js';
import { findSubtreeCodes } from '../org-units/org-units.repository.js';
import { requirePlan } from '../plans/plans.service.js';
import { findAudit, findObservationHistory, findPlanHistory, type AuditRow } from './audit.repository.js';
import type { AuditQuery } from './audit.schemas.js';

export interface AuditDeps {
  db: Database;
}

/** The audit trail of a unit and everything under it, newest first; the route has checked the unit. */
export async function listAuditTrail(deps: AuditDeps, query: AuditQuery): Promise<AuditRow[]> {
  return findAudit(deps.db, {
    orgUnitCodes: await findSubtreeCodes(deps.db, query.unit),
    limit: query.limit,
    ...(query.user ? { userId: query.user } : {}),
    ...(query.period ? { period: query.period } : {}),
    ...(query.action ? { action: query.action } : {}),
  });
}

/** Every change of one figure (`indicator|orgUnit|period|sex|ageGroup|ethnicity|area`), for a reader of its unit. */
export async function observationHistory(deps: AuditDeps, actor: Actor, key: string): Promise<AuditRow[]> {
  const unit = key.split('|')[1] ?? '';
  if (!(await canReadUnit(deps.db, actor, unit))) {
    throw new AppError('FORBIDDEN', `Không có quyền xem số liệu của đơn vị ${unit}`);
  }
  // A batch's row lists every figure it wrote, some perhaps of units the reader may not see: keep this one's.
  const only = (v: unknown) =>
    Array.isArray(v) ? v.filter((e) => (e as { key?: unknown } | null)?.key === key) : v;
  return (await findObservationHistory(deps.db, key)).map((r) => ({
    ...r,
    before: only(r.before),
    after: only(r.after),
  }));
}

/** A plan's history and its submissions' steps, for a reader of the plan's owner unit. */
export async function planHistory(deps: AuditDeps, actor: Actor, planId: string): Promise<AuditRow[]> {
  const plan = await requirePlan(deps, planId, actor);
  if (!(await canReadUnit(deps.db, actor, plan.ownerUnitCode))) {
    throw new AppError('FORBIDDEN', 'Không có quyền xem lịch sử kế hoạch này');
  }
  return findPlanHistory(deps.db, plan.id);
}
