import type { RouteObject } from 'react-router';

/** Activities, registers, tasks and drafting a unit's own plan. */
export const workRoutes: RouteObject[] = [
  {
    path: 'org-units/:code/activities',
    lazy: { Component: async () => (await import('../pages/work/ActivitiesPage')).ActivitiesPage },
  },
  {
    path: 'org-units/:code/leadership',
    lazy: { Component: async () => (await import('../pages/work/LeadershipPage')).LeadershipPage },
  },
  {
    path: 'org-units/:code/staff',
    lazy: { Component: async () => (await import('../pages/work/StaffPage')).StaffPage },
  },
];
