import type { Clock } from '../../core/clock.js';
import type { Database, Executor } from '../../db/connection.js';
import {
  needsComment,
  nextStatus,
  STATUS_VI,
  TRANSITION_VI,
  type BulkTransition,
  type SubmissionStatus,
  type Transition,
} from '../../domain/workflow.js';
import { AppError, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../../core/actor.js';
import { findOrgUnitsByCodes } from '../org-units/org-units.repository.js';
import { findPlan } from '../plans/plans.repository.js';
import { readableUnits } from '../auth/auth.service.js';
import {
  ensureSubmissions,
  findUnitSubmissions,
  moveSubmissions,
  type SubmissionRow,
  type UnitSubmissionRow,
} from './submissions.repository.js';

export interface SubmissionDeps {
  db: Database;
  now: Clock;
}

export interface TransitionRequest {
  planId: string;
  orgUnit: string;
  period: string;
  comment?: string | null;
  /** The version the user saw; a newer one makes the request a conflict. */
  version?: number | null;
}

const YEAR = /^\d{4}$/;

function fieldsFor(t: Transition, actor: Actor, comment: string | null, at: Date) {
  switch (t) {
    case 'submit':
      return { submittedBy: actor.userId, submittedAt: at, lastComment: comment };
    case 'approve':
      return { approvedBy: actor.userId, lastComment: comment };
    default:
      return { lastComment: comment };
  }
}

/**
 * Moves one unit's figures for a plan and year along the chain, in one transaction with its audit row. The
 * route has already checked that the actor may take this transition at this unit.
 */
export async function transitionSubmission(
  deps: SubmissionDeps,
  actor: Actor,
  t: Transition,
  req: TransitionRequest,
): Promise<SubmissionRow> {
  const at = deps.now();
  const comment = req.comment?.trim() || null;
  return deps.db.transaction(async (tx) => {
    const [moved] = await moveUnits(tx, at, actor, t, {
      planId: req.planId,
      period: req.period,
      units: [req.orgUnit],
      comment,
      version: req.version ?? null,
    });
    const { before, after } = moved!;
    await recordAudit(
      tx,
      actor,
      {
        action: `submission.${t}`,
        entity: 'submission',
        entityId: after.id,
        orgUnitCode: req.orgUnit,
        period: req.period,
        before: { status: before, version: after.version - 1 },
        after: { status: after.status, version: after.version, planId: req.planId },
        reason: comment,
      },
      at,
    );
    return after;
  });
}

/** A step over many units (or one), as a request states it. */
interface MoveRequest {
  planId: string;
  period: string;
  units: readonly string[];
  comment: string | null;
  /** For one unit: the version the user saw. */
  version?: number | null;
}

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/**
 * Moves the units' submissions for a plan and year one step, all or none, in a fixed number of statements: the
 * rows are created and locked together, every one is checked against the chain, then one update moves them.
 */
async function moveUnits(
  db: Executor,
  at: Date,
  actor: Actor,
  t: Transition,
  req: MoveRequest,
): Promise<{ unit: string; before: SubmissionStatus; after: SubmissionRow }[]> {
  if (!YEAR.test(req.period)) {
    throw invalid('$.body.period', 'Kỳ báo cáo phải là một năm, ví dụ 2025');
  }
  if (needsComment(t) && !req.comment)
    throw invalid('$.body.comment', `Cần ghi lý do khi ${TRANSITION_VI[t]}`);
  const units = [...new Set(req.units)];
  const single = req.units.length === 1;
  if (!(await findPlan(db, req.planId))) throw notFound(`Kế hoạch ${req.planId}`);
  const known = new Set((await findOrgUnitsByCodes(db, units)).map((u) => u.code));
  const unknown = units.filter((u) => !known.has(u));
  if (unknown.length > 0) throw notFound(`Đơn vị ${unknown.join(', ')}`);

  const rows = await ensureSubmissions(db, req.planId, units, req.period, at);
  const byUnit = new Map(rows.map((r) => [r.orgUnitCode, r]));
  const ordered = units.map((u) => byUnit.get(u)!);
  const current = (r: SubmissionRow) => ({ status: r.status, version: r.version });
  if (single && req.version !== undefined && req.version !== null && req.version !== ordered[0]!.version) {
    const r = ordered[0]!;
    throw new AppError('CONFLICT', 'Trạng thái đã thay đổi: tải lại để xem', [
      {
        path: '$.body.version',
        message: `Hiện là "${STATUS_VI[r.status]}" (phiên bản ${r.version})`,
        current: current(r),
      },
    ]);
  }
  const stuck = ordered.filter((r) => !nextStatus(r.status, t));
  if (stuck.length > 0) {
    const wrongState = (r: SubmissionRow) =>
      `Không thể ${TRANSITION_VI[t]} khi số liệu${single ? '' : ` của đơn vị ${r.orgUnitCode}`} đang ở trạng thái "${STATUS_VI[r.status]}"`;
    throw new AppError(
      'CONFLICT',
      single
        ? wrongState(stuck[0]!)
        : `Không thể ${TRANSITION_VI[t]} ${stuck.length} đơn vị: ${stuck.map((r) => r.orgUnitCode).join(', ')}`,
      stuck.map((r) => ({
        path: single ? '$.body' : `$.body.units[${req.units.indexOf(r.orgUnitCode)}]`,
        message: wrongState(r),
        current: current(r),
      })),
    );
  }
  const own = t === 'approve' ? ordered.filter((r) => r.submittedBy === actor.userId) : [];
  if (own.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      single
        ? 'Không được tự duyệt số liệu do chính mình gửi'
        : `Không được tự duyệt số liệu do chính mình gửi: ${own.map((r) => r.orgUnitCode).join(', ')}`,
    );
  }
  const moved = await moveSubmissions(
    db,
    ordered.map((r) => ({ id: r.id, version: r.version, status: nextStatus(r.status, t)! })),
    { ...fieldsFor(t, actor, req.comment, at), updatedAt: at },
  );
  // The rows are locked: a shortfall means the database moved them under us, which the lock rules out.
  if (moved.length !== ordered.length) {
    throw new AppError('CONFLICT', 'Người khác vừa thay đổi trạng thái: tải lại để xem');
  }
  const after = new Map(moved.map((r) => [r.id, r]));
  return ordered.map((r) => ({ unit: r.orgUnitCode, before: r.status, after: after.get(r.id)! }));
}

/** Submits, approves or accepts many units at once: all or nothing, one audit row listing every unit. */
export async function bulkTransition(
  deps: SubmissionDeps,
  actor: Actor,
  t: BulkTransition,
  req: { planId: string; period: string; units: string[] },
): Promise<SubmissionRow[]> {
  const at = deps.now();
  return deps.db.transaction(async (tx) => {
    const moved = await moveUnits(tx, at, actor, t, { ...req, comment: null });
    await recordAudit(
      tx,
      actor,
      {
        action: `submission.bulk-${t}`,
        entity: 'submission',
        period: req.period,
        before: moved.map((m) => ({ orgUnit: m.unit, status: m.before, version: m.after.version - 1 })),
        after: moved.map((m) => ({
          orgUnit: m.unit,
          status: m.after.status,
          version: m.after.version,
          planId: req.planId,
        })),
      },
      at,
    );
    return moved.map((m) => m.after);
  });
}

/** The state of every unit with figures or a submission for the plan and year, of the units the actor may read. */
export async function listUnitSubmissions(
  deps: Pick<SubmissionDeps, 'db'>,
  actor: Actor,
  planId: string,
  period: string,
): Promise<UnitSubmissionRow[]> {
  const rows = await findUnitSubmissions(deps.db, planId, period);
  const readable = await readableUnits(
    deps.db,
    actor,
    rows.map((r) => r.unit),
  );
  return rows.filter((r) => readable.has(r.unit));
}
