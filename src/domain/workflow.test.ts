import { describe, expect, it } from 'vitest';
import { LOCKED_STATUSES, needsComment, nextStatus, SUBMISSION_STATUSES, TRANSITIONS } from './workflow.js';

describe('needsComment', () => {
  it('asks a reason for sending work back (return, reopen) and for nothing else', () => {
    expect(TRANSITIONS.filter(needsComment)).toEqual(['return', 'reopen']);
  });
});

describe('LOCKED_STATUSES', () => {
  it('locks approved and accepted figures, not drafts or submitted ones', () => {
    expect(SUBMISSION_STATUSES.filter((s) => LOCKED_STATUSES.has(s))).toEqual(['approved', 'accepted']);
  });

  it('is left only by a transition that needs a comment', () => {
    for (const status of LOCKED_STATUSES) {
      for (const t of TRANSITIONS) {
        const next = nextStatus(status, t);
        if (next !== null && !LOCKED_STATUSES.has(next)) expect(needsComment(t)).toBe(true);
      }
    }
  });
});
