import { createBrowserRouter } from 'react-router';
import { Loading } from '../components/QueryState';
import { AppLayout } from './AppLayout';
import { RouteError } from './RouteError';

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
            path: 'org-units',
            lazy: { Component: async () => (await import('../pages/OrgUnitBrowserPage')).OrgUnitBrowserPage },
          },
          {
            path: 'org-units/:code',
            lazy: { Component: async () => (await import('../pages/OrgUnitPage')).OrgUnitPage },
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
