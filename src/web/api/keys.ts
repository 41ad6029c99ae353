/**
 * Every key of the web app's query cache, built here and nowhere else: a query and the invalidations after a write
 * take their keys from the same factory, so a prefix cannot miss by a typo. `all` (or `allX`) is the prefix of a
 * family's keys, the one to invalidate when a write may change any of them.
 */
import type { AuditFilter } from './audit';
import type { ActivityQuery } from './work';

export const sessionKeys = { all: ['session'] as const };

export const demoAccountKeys = { all: ['demo-accounts'] as const };

export const userKeys = { all: ['users'] as const };

export const planKeys = {
  all: ['plans'] as const,
  detail: (id: string) => [...planKeys.all, id] as const,
};

export const orgUnitKeys = {
  all: ['org-units'] as const,
  detail: (code: string) => [...orgUnitKeys.all, code] as const,
  children: (code: string) => [...orgUnitKeys.detail(code), 'children'] as const,
  assignments: (code: string) => [...orgUnitKeys.detail(code), 'assignments'] as const,
  search: (q: string) => [...orgUnitKeys.all, 'search', q] as const,
};

export const progressKeys = {
  all: ['progress'] as const,
  plan: (id: string, includePending: boolean) =>
    [...progressKeys.all, 'plan', id, includePending ? 'pending' : 'accepted'] as const,
  target: (id: string) => [...progressKeys.all, 'target', id] as const,
};

export const indicatorKeys = { all: ['indicators'] as const };

export const observationKeys = {
  all: ['observations'] as const,
  unit: (orgUnit: string) => [...observationKeys.all, orgUnit] as const,
  list: (orgUnit: string, period: string) => [...observationKeys.unit(orgUnit), period] as const,
};

export const submissionKeys = {
  all: ['submissions'] as const,
  plan: (planId: string) => [...submissionKeys.all, planId] as const,
  list: (planId: string, period: string) => [...submissionKeys.plan(planId), period] as const,
};

export const auditKeys = {
  all: ['audit'] as const,
  list: (filter: AuditFilter) => [...auditKeys.all, filter] as const,
};

/** Change histories (audit rows of one figure or one plan), refreshed after every write that records one. */
export const historyKeys = {
  all: ['history'] as const,
  observation: (key: string) => [...historyKeys.all, 'observation', key] as const,
  plan: (id: string) => [...historyKeys.all, 'plan', id] as const,
};

const REPORTING = ['reporting'] as const;

export const reportingKeys = {
  all: REPORTING,
  allCycles: [...REPORTING, 'cycles'] as const,
  cycles: (planId: string) => [...reportingKeys.allCycles, planId] as const,
  timeliness: (planId: string) => [...reportingKeys.all, 'timeliness', planId] as const,
  units: (planId: string) => [...reportingKeys.all, 'units', planId] as const,
  completeness: (cycleId: string, unit?: string) =>
    [...reportingKeys.all, 'completeness', cycleId, unit ?? ''] as const,
  calendar: (code: string) => [...reportingKeys.all, 'calendar', code] as const,
  settings: (code: string) => [...reportingKeys.all, 'settings', code] as const,
  notifications: [...REPORTING, 'notifications'] as const,
  draft: (cycleId: string, unit: string) => [...reportingKeys.all, 'draft', cycleId, unit] as const,
  report: (cycleId: string, unit: string) => [...reportingKeys.all, 'report', cycleId, unit] as const,
};

const WORK = ['work'] as const;

/** The activity log, the registers and tasks of a unit's work. */
export const workKeys = {
  activities: (code: string) => [...WORK, 'activities', code] as const,
  activityList: (code: string, q: ActivityQuery) => [...workKeys.activities(code), q] as const,
  leadership: (code: string) => [...WORK, 'leadership', code] as const,
  staff: (code: string) => [...WORK, 'staff', code] as const,
  allTasks: [...WORK, 'tasks'] as const,
  tasks: (planId: string) => [...workKeys.allTasks, planId] as const,
};
