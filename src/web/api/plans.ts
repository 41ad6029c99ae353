/** Plans, their targets and measures, and the progress towards them. */
import { api, getQuery, postFile, unwrap, type BodyOf, type ResponseOf } from './client';
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
  plans: () => getQuery(planKeys.all, '/api/plans'),
  plan: (id: string) => getQuery(planKeys.detail(id), '/api/plans/{id}', { path: { id } }),
  planProgress: (id: string, includePending = false) =>
    getQuery(progressKeys.plan(id, includePending), '/api/plans/{id}/progress', {
      path: { id },
      query: includePending ? { includePending: 'true' } : {},
    }),
  targetProgress: (id: string) =>
    getQuery(progressKeys.target(id), '/api/targets/{id}/progress', { path: { id } }),
};

/** Publishes or unpublishes a plan (the coordinator of its owner, or the owner's approver). */
export function setPlanPublished(id: string, published: boolean) {
  return unwrap(
    published
      ? api.POST('/api/plans/{id}/publish', { params: { path: { id } } })
      : api.POST('/api/plans/{id}/unpublish', { params: { path: { id } } }),
  );
}

/** A draft's number, symbol and date once issued; 409 when the plan changed since it was read. */
export function updatePlanIdentity(id: string, body: BodyOf<'/api/plans/{id}/identity', 'patch'>) {
  return unwrap(api.PATCH('/api/plans/{id}/identity', { params: { path: { id } }, body }));
}

/**
 * Imports a binhdang.plan/1 file (201 a new plan, 200 the plan it replaces). 409 when the same document is stored:
 * issues[0].current names that plan; importing again with `replaces` updates it in place.
 */
export function importPlanFile(file: Blob, replaces?: string) {
  return postFile('/api/plans/import', { query: replaces ? { replaces } : {} }, file, {
    'content-type': 'application/json',
  });
}
