import type { RouteObject } from 'react-router';

/** Reporting cycles, calendar, completeness, the periodic report and notifications. */
export const reportingRoutes: RouteObject[] = [
  {
    // Draws a chart: ECharts is loaded with this page only.
    path: 'plans/:id/reporting',
    lazy: { Component: async () => (await import('../pages/reporting/ReportingPage')).ReportingPage },
  },
  {
    path: 'cycles/:id',
    lazy: { Component: async () => (await import('../pages/reporting/CyclePage')).CyclePage },
  },
  {
    path: 'cycles/:id/reports/:unit',
    lazy: { Component: async () => (await import('../pages/reporting/ReportPage')).ReportPage },
  },
  {
    path: 'org-units/:code/calendar',
    lazy: { Component: async () => (await import('../pages/reporting/CalendarPage')).CalendarPage },
  },
  {
    path: 'notifications',
    lazy: { Component: async () => (await import('../pages/reporting/NotificationsPage')).NotificationsPage },
  },
];
