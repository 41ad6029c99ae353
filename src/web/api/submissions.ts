/** The approval chain of a unit's figures for a plan and year. */
import { queryOptions } from '@tanstack/react-query';
import type { Transition } from '../../domain/workflow';
import { api, unwrap, type BodyOf, type ResponseOf } from './client';
import { submissionKeys } from './keys';

export type { Transition };
/** One unit's figures for a plan and year on their way to the province. */
export type SubmissionItem = ResponseOf<'/api/submissions', 'get'>['items'][number];
export type SubmissionView = ResponseOf<'/api/submissions/submit', 'post'>;
export type SubmissionStatus = SubmissionView['status'];

/** One step of the approval chain; 403 (not allowed), 409 (wrong state or stale version), 400 (comment). */
export function transitionSubmission(
  transition: Transition,
  body: BodyOf<`/api/submissions/${Transition}`, 'post'>,
): Promise<SubmissionView> {
  return unwrap(api.POST(`/api/submissions/${transition}`, { body }));
}

/** Approves or accepts many units at once, all or nothing. */
export function bulkTransition(
  transition: 'approve' | 'accept',
  body: BodyOf<`/api/submissions/bulk-${typeof transition}`, 'post'>,
): Promise<ResponseOf<`/api/submissions/bulk-${typeof transition}`, 'post'>> {
  return unwrap(api.POST(`/api/submissions/bulk-${transition}`, { body }));
}

export const submissionQueries = {
  submissions: (plan: string, period: string) =>
    queryOptions({
      queryKey: submissionKeys.list(plan, period),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/submissions', { params: { query: { plan, period } }, signal })),
    }),
};
