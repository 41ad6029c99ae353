/** Plans, their targets and measures, and the progress towards them. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from './client';
import { planKeys, progressKeys } from './keys';

export type PlanSummary = ResponseOf<'/api/plans', 'get'>['items'][number];
export type PlanDetail = ResponseOf<'/api/plans/{id}', 'get'>;
export type PlanLink = PlanDetail['parents'][number];
export type TargetView = PlanDetail['goals'][number]['targets'][number];
/** An agency as a plan names it, and the org unit that name resolves to (null when unknown). */
export type AgencyRef = TargetView['lead'][number];
export type PlanProgress = ResponseOf<'/api/plans/{id}/progress', 'get'>;
export type TargetProgress = PlanProgress['targets'][number];
export type MeasureProgress = TargetProgress['measures'][number];
export type TargetDetailProgress = ResponseOf<'/api/targets/{id}/progress', 'get'>;
export type MeasureDetailProgress = TargetDetailProgress['measures'][number];
export type SeriesPoint = MeasureDetailProgress['series'][number];

export const planQueries = {
  plans: () =>
    queryOptions({
      queryKey: planKeys.all,
      queryFn: ({ signal }) => unwrap(api.GET('/api/plans', { signal })),
    }),
  plan: (id: string) =>
    queryOptions({
      queryKey: planKeys.detail(id),
      queryFn: ({ signal }) => unwrap(api.GET('/api/plans/{id}', { params: { path: { id } }, signal })),
    }),
  planProgress: (id: string, includePending = false) =>
    queryOptions({
      queryKey: progressKeys.plan(id, includePending),
      queryFn: ({ signal }) =>
        unwrap(
          api.GET('/api/plans/{id}/progress', {
            params: { path: { id }, query: includePending ? { includePending: 'true' } : {} },
            signal,
          }),
        ),
    }),
  targetProgress: (id: string) =>
    queryOptions({
      queryKey: progressKeys.target(id),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/targets/{id}/progress', { params: { path: { id } }, signal })),
    }),
};
