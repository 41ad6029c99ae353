import type { RouteObject } from 'react-router';
import { lazyPage } from './lazy-page';

/** Activities, registers, tasks and drafting a unit's own plan. */
export const workRoutes: RouteObject[] = [
  lazyPage('org-units/:code/activities', 'unit-work/ActivitiesPage'),
  lazyPage('org-units/:code/leadership', 'unit-work/LeadershipPage'),
  lazyPage('org-units/:code/staff', 'unit-work/StaffPage'),
];
