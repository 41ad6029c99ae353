import { createBrowserRouter } from 'react-router';
import { Loading } from '../components/QueryState';
import { AppLayout } from './AppLayout';
import { reportingRoutes } from './reporting-routes';
import { RouteError } from './RouteError';
import { workRoutes } from './work-routes';

/** Every page is its own chunk, loaded when first visited. */
export const router = createBrowserRouter([
  {
    path: '/',
    Component: AppLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: Loading,
    children: [
      {
        // Pathless so that a failing page keeps the shell and its navigation.
        ErrorBoundary: RouteError,
        children: [
          {
            index: true,
            lazy: { Component: async () => (await import('../pages/PlanListPage')).PlanListPage },
          },
          {
            path: 'plans/:id',
            lazy: { Component: async () => (await import('../pages/PlanPage')).PlanPage },
          },
          {
            path: 'plans/:id/dashboard',
            lazy: { Component: async () => (await import('../pages/PlanDashboardPage')).PlanDashboardPage },
          },
          {
            path: 'plans/:id/submissions',
            lazy: { Component: async () => (await import('../pages/WorkflowPage')).WorkflowPage },
          },
          {
            // Draws charts: ECharts is loaded with this page only.
            path: 'targets/:id',
            lazy: { Component: async () => (await import('../pages/TargetPage')).TargetPage },
          },
          {
            path: 'org-units',
            lazy: { Component: async () => (await import('../pages/OrgUnitBrowserPage')).OrgUnitBrowserPage },
          },
          {
            path: 'org-units/:code',
            lazy: { Component: async () => (await import('../pages/OrgUnitPage')).OrgUnitPage },
          },
          {
            path: 'org-units/:code/entry',
            lazy: { Component: async () => (await import('../pages/entry/DataEntryPage')).DataEntryPage },
          },
          ...reportingRoutes,
          ...workRoutes,
          {
            path: 'login',
            lazy: { Component: async () => (await import('../pages/LoginPage')).LoginPage },
          },
          {
            path: 'account',
            lazy: { Component: async () => (await import('../pages/AccountPage')).AccountPage },
          },
          {
            path: 'admin/users',
            lazy: { Component: async () => (await import('../pages/UsersPage')).UsersPage },
          },
          {
            path: 'audit',
            lazy: { Component: async () => (await import('../pages/AuditPage')).AuditPage },
          },
          {
            path: '*',
            lazy: { Component: async () => (await import('../pages/NotFoundPage')).NotFoundPage },
          },
        ],
      },
    ],
  },
]);
