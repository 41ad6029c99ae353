import { describe, expect, it } from 'vitest';
import { can, ROLES, type Role } from './permissions.js';
import {
  LOCKED_STATUSES,
  needsComment,
  nextStatus,
  STATUS_VI,
  SUBMISSION_STATUSES,
  TRANSITION_ACTION,
  TRANSITION_VI,
  TRANSITIONS,
  type SubmissionStatus,
  type Transition,
} from './workflow.js';

/** Every transition from every status: where it leads, or null where it does not apply. */
const MOVES: Record<Transition, Record<SubmissionStatus, SubmissionStatus | null>> = {
  submit: { draft: 'submitted', submitted: null, approved: null, accepted: null },
  approve: { draft: null, submitted: 'approved', approved: null, accepted: null },
  accept: { draft: null, submitted: null, approved: 'accepted', accepted: null },
  return: { draft: null, submitted: 'draft', approved: 'submitted', accepted: null },
  reopen: { draft: null, submitted: null, approved: 'draft', accepted: 'draft' },
};

describe('nextStatus', () => {
  const cases = TRANSITIONS.flatMap((t) =>
    SUBMISSION_STATUSES.map((from) => [t, from, MOVES[t][from]] as const),
  );

  it('covers every transition from every status', () => {
    expect(cases).toHaveLength(TRANSITIONS.length * SUBMISSION_STATUSES.length);
  });

  it.each(cases)('%s from %s → %s', (t, from, to) => {
    expect(nextStatus(from, t)).toBe(to);
  });

  it('runs the chain draft → submitted → approved → accepted and back to draft by reopening', () => {
    let status: SubmissionStatus = 'draft';
    const seen: SubmissionStatus[] = [status];
    for (const t of ['submit', 'approve', 'accept', 'reopen'] as const) {
      status = nextStatus(status, t)!;
      seen.push(status);
    }
    expect(seen).toEqual(['draft', 'submitted', 'approved', 'accepted', 'draft']);
  });

  it('leaves accepted figures only by reopening', () => {
    expect(TRANSITIONS.filter((t) => nextStatus('accepted', t) !== null)).toEqual(['reopen']);
  });
});

describe('who may take each transition at a unit', () => {
  /** Roles that may take the transition when granted on the unit itself, and when granted on its province. */
  const WHO: Record<Transition, { own: Role[]; above: Role[] }> = {
    submit: { own: ['admin', 'coordinator', 'reporter'], above: ['admin', 'coordinator'] },
    approve: { own: ['admin', 'approver'], above: ['admin'] },
    accept: { own: ['admin', 'coordinator'], above: ['admin', 'coordinator'] },
    return: { own: ['admin', 'coordinator', 'approver'], above: ['admin', 'coordinator'] },
    reopen: { own: ['admin', 'coordinator'], above: ['admin', 'coordinator'] },
  };
  const commune = ['C1', 'P1', 'VN'];

  it.each(TRANSITIONS.map((t) => [t, WHO[t]] as const))('%s: %j', (t, who) => {
    const allowed = (unit: string) =>
      ROLES.filter((role) => can([{ role, orgUnitCode: unit }], TRANSITION_ACTION[t], commune));
    expect(allowed('C1')).toEqual(who.own);
    expect(allowed('P1')).toEqual(who.above);
    // Nobody in another province.
    expect(ROLES.filter((role) => can([{ role, orgUnitCode: 'P2' }], TRANSITION_ACTION[t], commune))).toEqual(
      [],
    );
  });

  it('names the submission action of each transition', () => {
    for (const t of TRANSITIONS) expect(TRANSITION_ACTION[t]).toBe(`submission.${t}`);
  });
});

describe('rules around the chain', () => {
  it('locks approved and accepted figures, never drafts or submitted ones', () => {
    expect(SUBMISSION_STATUSES.filter((s) => LOCKED_STATUSES.has(s))).toEqual(['approved', 'accepted']);
  });

  it('asks for a reason when returning or reopening only', () => {
    expect(TRANSITIONS.filter(needsComment)).toEqual(['return', 'reopen']);
  });

  it('leaves a locked status only by a transition that needs a comment', () => {
    for (const status of LOCKED_STATUSES) {
      for (const t of TRANSITIONS) {
        const next = nextStatus(status, t);
        if (next !== null && !LOCKED_STATUSES.has(next)) expect(needsComment(t)).toBe(true);
      }
    }
  });

  it('has a Vietnamese name for every status and transition', () => {
    expect(STATUS_VI).toEqual({
      draft: 'Đang nhập',
      submitted: 'Đã gửi',
      approved: 'Đã duyệt',
      accepted: 'Đã tiếp nhận',
    });
    expect(Object.keys(TRANSITION_VI)).toEqual([...TRANSITIONS]);
    for (const t of TRANSITIONS) expect(TRANSITION_VI[t].length).toBeGreaterThan(1);
  });
});
