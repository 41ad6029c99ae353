import { createBrowserRouter } from 'react-router';
import { Loading } from '../components/QueryState';
import { AppLayout } from './AppLayout';
import { lazyPage } from './lazy-page';
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
          lazyPage('plans/:id', async () => (await import('../pages/PlanPage')).PlanPage),
          lazyPage(
            'plans/:id/dashboard',
            async () => (await import('../pages/PlanDashboardPage')).PlanDashboardPage,
          ),
          lazyPage('plans/:id/submissions', async () => (await import('../pages/WorkflowPage')).WorkflowPage),
          // Draws charts: ECharts is loaded with this page only.
          lazyPage('targets/:id', async () => (await import('../pages/TargetPage')).TargetPage),
          lazyPage('org-units', async () => (await import('../pages/OrgUnitBrowserPage')).OrgUnitBrowserPage),
          lazyPage('org-units/:code', async () => (await import('../pages/OrgUnitPage')).OrgUnitPage),
          lazyPage(
            'org-units/:code/entry',
            async () => (await import('../pages/entry/DataEntryPage')).DataEntryPage,
          ),
          ...reportingRoutes,
          ...workRoutes,
          lazyPage('login', async () => (await import('../pages/LoginPage')).LoginPage),
          lazyPage('account', async () => (await import('../pages/AccountPage')).AccountPage),
          lazyPage('admin/users', async () => (await import('../pages/UsersPage')).UsersPage),
          lazyPage('audit', async () => (await import('../pages/AuditPage')).AuditPage),
          lazyPage('*', async () => (await import('../pages/NotFoundPage')).NotFoundPage),
        ],
      },
    ],
  },
]);
