/**
 * Who may do what where. A role is held over an org unit and covers that unit's subtree
 * (nation → province → its agencies and communes). Pure rules: callers supply the target unit's ancestry.
 */

export const ROLES = ['admin', 'coordinator', 'approver', 'reporter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  role: Role;
  orgUnitCode: string;
}

export const ACTIONS = [
  /** Read what is not public in a unit: drafts, pending figures, unpublished plans. */
  'unit.read',
  /** Enter or change figures for a unit (reporters: their own unit only). */
  'observation.write',
  'submission.submit',
  'submission.approve',
  'submission.accept',
  /** Send figures one step back down the chain (approver: submitted → draft; coordinator: approved → submitted). */
  'submission.return',
  'submission.reopen',
  'plan.manage',
  /** Draft a unit's own plan from the plan it implements. */
  'plan.draft',
  /** Publish or unpublish a plan: its targets and accepted figures become readable by anyone. */
  'plan.publish',
  /** Log an activity of a unit (communication, event, training, meeting, inspection) and attach files to it. */
  'activity.write',
  /** Change a plan task's status, dates and evidence (checked on the plan's owner and the task's agencies). */
  'task.update',
  'indicator.manage',
  /** Add, rename and remove the sections (phòng, ban, trung tâm, văn phòng) inside an agency or commune. */
  'section.manage',
  'user.manage',
  'audit.read',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Roles that may take each action over a unit they cover. `own` means the role's unit itself, not its subtree. */
const RULES: Record<Action, { role: Role; own?: boolean }[]> = {
  'unit.read': [{ role: 'coordinator' }, { role: 'approver' }, { role: 'reporter' }, { role: 'viewer' }],
  'observation.write': [{ role: 'coordinator' }, { role: 'reporter', own: true }],
  'submission.submit': [{ role: 'reporter', own: true }, { role: 'coordinator' }],
  'submission.approve': [{ role: 'approver', own: true }],
  'submission.accept': [{ role: 'coordinator' }],
  'submission.return': [{ role: 'approver', own: true }, { role: 'coordinator' }],
  'submission.reopen': [{ role: 'coordinator' }],
  'plan.manage': [{ role: 'coordinator' }],
  'plan.draft': [{ role: 'coordinator' }, { role: 'approver', own: true }, { role: 'reporter', own: true }],
  'plan.publish': [{ role: 'coordinator' }, { role: 'approver', own: true }],
  'activity.write': [{ role: 'coordinator' }, { role: 'reporter', own: true }],
  'task.update': [{ role: 'coordinator' }, { role: 'approver', own: true }, { role: 'reporter', own: true }],
  'indicator.manage': [{ role: 'coordinator' }],
  'section.manage': [{ role: 'coordinator' }, { role: 'approver', own: true }],
  'user.manage': [{ role: 'coordinator' }],
  'audit.read': [{ role: 'coordinator' }],
};

/**
 * True when one of the grants allows `action` on the unit whose ancestry (the unit first, then its parent, …
 * up to the nation) is given. Admins may do everything everywhere they are granted.
 */
export function can(grants: readonly RoleGrant[], action: Action, ancestry: readonly string[]): boolean {
  const unit = ancestry[0];
  if (unit === undefined) return false;
  return grants.some((g) => {
    if (!ancestry.includes(g.orgUnitCode)) return false;
    if (g.role === 'admin') return true;
    return RULES[action].some((r) => r.role === g.role && (!r.own || g.orgUnitCode === unit));
  });
}

/**
 * True for an admin over the whole country (`nationCode`, the root of the tree): the only role that may act when
 * a request's unit cannot be found (a plan without an owner, an unknown unit code), since no subtree covers it.
 */
export function isAdminEverywhere(grants: readonly RoleGrant[], nationCode: string): boolean {
  return grants.some((g) => g.role === 'admin' && g.orgUnitCode === nationCode);
}

/** Units a user's grants cover for reading (their roots). */
export function readableRoots(grants: readonly RoleGrant[]): string[] {
  return [...new Set(grants.map((g) => g.orgUnitCode))];
}
