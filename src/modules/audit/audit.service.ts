import type { Actor } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import { fromNumeric, type Database } from '../../db/connection.js';
import { canReadUnit } from '../auth/auth.service.js';
import { findSubtreeCodes } from '../org-units/org-units.repository.js';
import { requirePlan } from '../plans/plans.service.js';
import { findFigureByAuditKey } from '../observations/observations.repository.js';
import {
  findAudit,
  findObservationHistory,
  findPlanHistory,
  type AuditRow,
  type CompactFigureAudit,
} from './audit.repository.js';
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
  const rows = (await findObservationHistory(deps.db, key)).map((r) => ({
    ...r,
    before: only(r.before),
    after: only(r.after),
  }));
  const [indicator = '', orgUnit = '', period = '', sex = '', ageGroup = '', ethnicity = '', area = ''] =
    key.split('|');
  const current = await findFigureByAuditKey(deps.db, {
    indicator,
    orgUnit,
    period,
    sex,
    ageGroup,
    ethnicity,
    area,
  });
  return rows.map((r, i) => {
    const after = r.after;
    return isCompact(after) ? { ...r, after: [written(key, after, r.before, rows[i - 1], current)] } : r;
  });
}

interface FigureState {
  key: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  version: number;
}

const isCompact = (after: unknown): after is CompactFigureAudit =>
  typeof after === 'object' && after !== null && !Array.isArray(after) && 'insertedKeys' in after;

const stateIn = (list: unknown): FigureState | undefined =>
  Array.isArray(list) ? (list[0] as FigureState | undefined) : undefined;

/**
 * What a compact row wrote of the figure (its `after` keeps only keys): the value it replaced is in the next row's
 * `before`, or, for the latest row, the figure as stored, each only when its version is the one this row wrote.
 */
function written(
  key: string,
  after: CompactFigureAudit,
  before: unknown,
  newer: { before: unknown } | undefined,
  current: { value: string; numerator: string | null; denominator: string | null; version: number } | null,
): Partial<FigureState> & { key: string; version: number } {
  const version = after.insertedKeys.includes(key) ? 1 : (stateIn(before)?.version ?? 0) + 1;
  const next = newer
    ? stateIn(newer.before)
    : current && {
        key,
        value: Number(current.value),
        numerator: fromNumeric(current.numerator),
        denominator: fromNumeric(current.denominator),
        version: current.version,
      };
  return next && next.version === version ? { ...next, key, version } : { key, version };
}

/** A plan's history and its submissions' steps, for a reader of the plan's owner unit. */
export async function planHistory(deps: AuditDeps, actor: Actor, planId: string): Promise<AuditRow[]> {
  const plan = await requirePlan(deps, planId, actor);
  if (!(await canReadUnit(deps.db, actor, plan.ownerUnitCode))) {
    throw new AppError('FORBIDDEN', 'Không có quyền xem lịch sử kế hoạch này');
  }
  return findPlanHistory(deps.db, plan.id);
}
