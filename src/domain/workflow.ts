import type { Action } from './permissions.js';

/** The approval chain of a unit's figures: draft → submitted → approved → accepted. */
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'approved', 'accepted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const TRANSITIONS = ['submit', 'approve', 'accept', 'return', 'reopen'] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** The steps a unit's approver or coordinator may take over many units in one request. */
export const BULK_TRANSITIONS = ['submit', 'approve', 'accept'] as const satisfies readonly Transition[];
export type BulkTransition = (typeof BULK_TRANSITIONS)[number];

/** The permission each transition needs. */
export const TRANSITION_ACTION: Record<Transition, Action> = {
  submit: 'submission.submit',
  approve: 'submission.approve',
  accept: 'submission.accept',
  return: 'submission.return',
  reopen: 'submission.reopen',
};

/** The transitions that send work back down the chain: they must say why. */
export type CommentTransition = Extract<Transition, 'return' | 'reopen'>;

const COMMENT_TRANSITIONS: ReadonlySet<Transition> = new Set<CommentTransition>(['return', 'reopen']);

/** True when the transition must carry a comment (return and reopen). */
export function needsComment(t: Transition): t is CommentTransition {
  return COMMENT_TRANSITIONS.has(t);
}

/** Approved and accepted figures cannot be edited. */
export const LOCKED_STATUSES: ReadonlySet<SubmissionStatus> = new Set(['approved', 'accepted']);

const MOVES: Record<Transition, Partial<Record<SubmissionStatus, SubmissionStatus>>> = {
  submit: { draft: 'submitted' },
  approve: { submitted: 'approved' },
  accept: { approved: 'accepted' },
  // One level down: the approver sends a submission back to the reporter, the coordinator an approval back to the approver.
  return: { submitted: 'draft', approved: 'submitted' },
  reopen: { approved: 'draft', accepted: 'draft' },
};

/** The status after a transition, or null when the transition does not apply to the current status. */
export function nextStatus(current: SubmissionStatus, t: Transition): SubmissionStatus | null {
  return MOVES[t][current] ?? null;
}

export const STATUS_VI: Record<SubmissionStatus, string> = {
  draft: 'Đang nhập',
  submitted: 'Đã gửi',
  approved: 'Đã duyệt',
  accepted: 'Đã tiếp nhận',
};

export const TRANSITION_VI: Record<Transition, string> = {
  submit: 'gửi',
  approve: 'duyệt',
  accept: 'tiếp nhận',
  return: 'trả lại',
  reopen: 'mở lại',
};
