import type { RouteObject } from 'react-router';
import { lazyPage } from './lazy-page';

/** Reporting cycles, calendar, completeness, the periodic report and notifications. */
export const reportingRoutes: RouteObject[] = [
  // Draws a chart: ECharts is loaded with this page only.
  lazyPage('plans/:id/reporting', 'reporting/ReportingPage'),
  lazyPage('cycles/:id', 'reporting/CyclePage'),
  lazyPage('cycles/:id/reports/:unit', 'reporting/ReportPage'),
  lazyPage('org-units/:code/calendar', 'reporting/CalendarPage'),
  lazyPage('notifications', 'reporting/NotificationsPage'),
];
