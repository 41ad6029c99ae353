import type { RouteObject } from 'react-router';

/** Activities, registers, tasks and drafting a unit's own plan. */
export const workRoutes: RouteObject[] = [
  {
    path: 'org-units/:code/activities',
    lazy: { Component: async () => (await import('../pages/unit-work/ActivitiesPage')).ActivitiesPage },
  },
  {
    path: 'org-units/:code/leadership',
    lazy: { Component: async () => (await import('../pages/unit-work/LeadershipPage')).LeadershipPage },
  },
  {
    path: 'org-units/:code/staff',
    lazy: { Component: async () => (await import('../pages/unit-work/StaffPage')).StaffPage },
  },
];
