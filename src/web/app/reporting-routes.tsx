import type { RouteObject } from 'react-router';

/** Reporting cycles, calendar, completeness, the periodic report and notifications. */
export const reportingRoutes: RouteObject[] = [
  {
    path: 'plans/:id/reporting',
    lazy: { Component: async () => (await import('../pages/reporting/ReportingPage')).ReportingPage },
  },
];
