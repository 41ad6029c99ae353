import type { RouteObject } from 'react-router';
import { lazyPage } from './lazy-page';

/** Activities, registers, tasks and drafting a unit's own plan. */
export const workRoutes: RouteObject[] = [
  lazyPage(
    'org-units/:code/activities',
    async () => (await import('../pages/unit-work/ActivitiesPage')).ActivitiesPage,
  ),
  lazyPage(
    'org-units/:code/leadership',
    async () => (await import('../pages/unit-work/LeadershipPage')).LeadershipPage,
  ),
  lazyPage('org-units/:code/staff', async () => (await import('../pages/unit-work/StaffPage')).StaffPage),
];
