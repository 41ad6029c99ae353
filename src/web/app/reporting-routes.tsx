import type { RouteObject } from 'react-router';
import { lazyPage } from './lazy-page';

/** Reporting cycles, calendar, completeness, the periodic report and notifications. */
export const reportingRoutes: RouteObject[] = [
  // Draws a chart: ECharts is loaded with this page only.
  lazyPage(
    'plans/:id/reporting',
    async () => (await import('../pages/reporting/ReportingPage')).ReportingPage,
  ),
  lazyPage('cycles/:id', async () => (await import('../pages/reporting/CyclePage')).CyclePage),
  lazyPage(
    'cycles/:id/reports/:unit',
    async () => (await import('../pages/reporting/ReportPage')).ReportPage,
  ),
  lazyPage(
    'org-units/:code/calendar',
    async () => (await import('../pages/reporting/CalendarPage')).CalendarPage,
  ),
  lazyPage(
    'notifications',
    async () => (await import('../pages/reporting/NotificationsPage')).NotificationsPage,
  ),
];
