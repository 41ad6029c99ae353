import type { SubmissionRow, UnitSubmissionRow } from './submissions.repository.js';

export const presentSubmission = (r: SubmissionRow) => ({
  id: r.id,
  planId: r.planId,
  orgUnit: r.orgUnitCode,
  period: r.period,
  status: r.status,
  lastComment: r.lastComment,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

/** A unit without a submission row is a draft at version 1. */
export const presentUnitSubmission = (r: UnitSubmissionRow) => ({
  orgUnit: r.unit,
  orgUnitName: r.name,
  status: r.status ?? 'draft',
  version: r.version ?? 1,
  lastComment: r.comment,
  figures: r.figures,
});
