import { createBrowserRouter } from 'react-router';
import { Loading } from '../components/QueryState';
import { AppLayout } from './AppLayout';
import { lazyIndexPage, lazyPage } from './lazy-page';
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
          lazyIndexPage('PlanListPage'),
          lazyPage('plans/:id', 'PlanPage'),
          lazyPage('plans/:id/dashboard', 'PlanDashboardPage'),
          lazyPage('plans/:id/submissions', 'WorkflowPage'),
          // Draws charts: ECharts is loaded with this page only.
          lazyPage('targets/:id', 'TargetPage'),
          lazyPage('org-units', 'OrgUnitBrowserPage'),
          lazyPage('org-units/:code', 'OrgUnitPage'),
          lazyPage('org-units/:code/entry', 'entry/DataEntryPage'),
          ...reportingRoutes,
          ...workRoutes,
          lazyPage('login', 'LoginPage'),
          lazyPage('account', 'AccountPage'),
          lazyPage('admin/users', 'UsersPage'),
          lazyPage('audit', 'AuditPage'),
          lazyPage('*', 'NotFoundPage'),
        ],
      },
    ],
  },
]);
