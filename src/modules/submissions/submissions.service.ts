import type { Clock } from '../../core/clock.js';
import type { Database, Executor } from '../../db/connection.js';
import {
  needsComment,
  nextStatus,
  STATUS_VI,
  TRANSITION_VI,
  type SubmissionStatus,
  type Transition,
} from '../../domain/workflow.js';
import { AppError, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../../core/actor.js';
import { requireOrgUnit } from '../org-units/org-units.service.js';
import { findPlan } from '../plans/plans.repository.js';
import { readableUnits } from '../auth/auth.service.js';
import {
  ensureSubmission,
  findUnitSubmissions,
  moveSubmission,
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

function fieldsFor(t: Transition, actor: Actor, comment: string | null, at: Date): Partial<SubmissionRow> {
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
  const moved = await deps.db.transaction(async (tx) => {
    const row = await moveOne(tx, at, actor, t, req);
    await recordAudit(
      tx,
      actor,
      {
        action: `submission.${t}`,
        entity: 'submission',
        entityId: row.after.id,
        orgUnitCode: req.orgUnit,
        period: req.period,
        before: { status: row.before, version: row.after.version - 1 },
        after: { status: row.after.status, version: row.after.version, planId: req.planId },
        reason: req.comment?.trim() || null,
      },
      at,
    );
    return row.after;
  });
  return moved;
}

async function moveOne(
  db: Executor,
  at: Date,
  actor: Actor,
  t: Transition,
  req: TransitionRequest,
): Promise<{ before: SubmissionStatus; after: SubmissionRow }> {
  if (!YEAR.test(req.period)) {
    throw new AppError('VALIDATION_FAILED', 'Kỳ báo cáo phải là một năm, ví dụ 2025', [
      { path: '$.body.period', message: 'Kỳ báo cáo phải là một năm, ví dụ 2025' },
    ]);
  }
  const comment = req.comment?.trim() || null;
  if (needsComment(t) && !comment) {
    const message = `Cần ghi lý do khi ${TRANSITION_VI[t]}`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: '$.body.comment', message }]);
  }
  if (!(await findPlan(db, req.planId))) throw notFound(`Kế hoạch ${req.planId}`);
  await requireOrgUnit(db, req.orgUnit);
  const row = await ensureSubmission(db, req.planId, req.orgUnit, req.period, at);
  if (req.version !== undefined && req.version !== null && req.version !== row.version) {
    throw new AppError('CONFLICT', 'Trạng thái đã thay đổi: tải lại để xem', [
      {
        path: '$.body.version',
        message: `Hiện là "${STATUS_VI[row.status]}" (phiên bản ${row.version})`,
        current: { status: row.status, version: row.version },
      },
    ]);
  }
  const next = nextStatus(row.status, t);
  if (!next) {
    const message = `Không thể ${TRANSITION_VI[t]} khi số liệu đang ở trạng thái "${STATUS_VI[row.status]}"`;
    throw new AppError('CONFLICT', message, [
      { path: '$.body', message, current: { status: row.status, version: row.version } },
    ]);
  }
  if (t === 'approve' && row.submittedBy === actor.userId) {
    throw new AppError('FORBIDDEN', 'Không được tự duyệt số liệu do chính mình gửi');
  }
  const after = await moveSubmission(db, row, {
    status: next,
    ...fieldsFor(t, actor, comment, at),
    updatedAt: at,
  });
  if (!after) throw new AppError('CONFLICT', 'Người khác vừa thay đổi trạng thái: tải lại để xem');
  return { before: row.status, after };
}

/** Approves or accepts many units at once: all or nothing, one audit row. */
export async function bulkTransition(
  deps: SubmissionDeps,
  actor: Actor,
  t: 'approve' | 'accept',
  req: { planId: string; period: string; units: string[] },
): Promise<SubmissionRow[]> {
  const at = deps.now();
  return deps.db.transaction(async (tx) => {
    const moved: { unit: string; before: SubmissionStatus; after: SubmissionRow }[] = [];
    for (const unit of req.units) {
      const m = await moveOne(tx, at, actor, t, {
        planId: req.planId,
        orgUnit: unit,
        period: req.period,
      });
      moved.push({ unit, ...m });
    }
    await recordAudit(
      tx,
      actor,
      {
        action: `submission.bulk-${t}`,
        entity: 'submission',
        period: req.period,
        before: moved.map((m) => ({ orgUnit: m.unit, status: m.before })),
        after: moved.map((m) => ({ orgUnit: m.unit, status: m.after.status, planId: req.planId })),
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
