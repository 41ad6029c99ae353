/** A unit's work: the activity log and its attachments, the registers, a plan's tasks and drafted plans. */
import {
  ACTIVITY_CHANNELS,
  ACTIVITY_OCCASIONS,
  ATTACHMENT_BODY_LIMIT,
  ATTACHMENT_LIMIT,
  ATTACHMENT_MEDIA_TYPES,
  TASK_STATUSES,
  type ActivityChannel,
  type ActivityOccasion,
  type TaskStatus,
} from '../../domain/activity-log';
import { ACTIVITY_KINDS, type ActivityKind } from '../../domain/computed';
import {
  api,
  apiUrl,
  getQuery,
  postFile,
  unwrap,
  withoutEmpty,
  type BodyOf,
  type QueryOf,
  type ResponseOf,
} from './client';
import { workKeys } from './keys';

export { ACTIVITY_KINDS, type ActivityKind };
export const CHANNELS = ACTIVITY_CHANNELS;
export type Channel = ActivityChannel;
export const OCCASIONS = ACTIVITY_OCCASIONS;
export type Occasion = ActivityOccasion;
export { TASK_STATUSES, type TaskStatus };

export const ATTACHMENT_TYPES = ATTACHMENT_MEDIA_TYPES;
export const ATTACHMENT_LIMIT_MB = ATTACHMENT_LIMIT / 1024 / 1024;
/** Anything larger is cut off by the transport before the service can explain. */
export const ATTACHMENT_TRANSPORT_LIMIT = ATTACHMENT_BODY_LIMIT;

export type Activity = ResponseOf<'/api/org-units/{code}/activities', 'get'>['items'][number];
export type Attachment = ResponseOf<'/api/activities/{id}/attachments', 'post'>;
export type ActivityInput = BodyOf<'/api/org-units/{code}/activities', 'post'>;
/** The filters of GET /api/org-units/:code/activities (target and task are ids). */
export type ActivityQuery = QueryOf<'/api/org-units/{code}/activities', 'get'>;
export type LeadershipTerm = ResponseOf<'/api/org-units/{code}/leadership', 'get'>['items'][number];
export type HolderChange = BodyOf<'/api/org-units/{code}/leadership', 'post'>;
export type StaffCount = ResponseOf<'/api/org-units/{code}/staff', 'get'>['items'][number];
export type PlanTask = ResponseOf<'/api/plans/{id}/tasks', 'get'>['items'][number];
export type TaskUpdate = BodyOf<'/api/tasks/{id}', 'patch'>;

const unitPath = (code: string) => ({ path: { code } });
const idPath = (id: string) => ({ path: { id } });

/** Writes of this client (the session's CSRF token goes with each, see client.ts). */
export function useWorkApi() {
  return {
    logActivity: (code: string, body: ActivityInput) =>
      unwrap(api.POST('/api/org-units/{code}/activities', { params: unitPath(code), body })),
    /** The file itself is the body; its name travels in x-file-name (URI-encoded: headers are ASCII). */
    attach: (activityId: string, file: File) =>
      postFile('/api/activities/{id}/attachments', idPath(activityId), file, {
        'content-type': file.type || 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
      }),
    changeHolder: (code: string, body: HolderChange) =>
      unwrap(api.POST('/api/org-units/{code}/leadership', { params: unitPath(code), body })),
    recordStaff: (code: string, body: BodyOf<'/api/org-units/{code}/staff', 'put'>) =>
      unwrap(api.PUT('/api/org-units/{code}/staff', { params: unitPath(code), body })),
    updateTask: (id: string, body: TaskUpdate) =>
      unwrap(api.PATCH('/api/tasks/{id}', { params: idPath(id), body })),
    draftPlan: (planId: string, body: BodyOf<'/api/plans/{id}/drafts', 'post'>) =>
      unwrap(api.POST('/api/plans/{id}/drafts', { params: idPath(planId), body })),
  };
}

export const workQueries = {
  activities: (code: string, q: ActivityQuery) =>
    getQuery(workKeys.activityList(code, q), '/api/org-units/{code}/activities', {
      path: { code },
      query: withoutEmpty(q),
    }),
  leadership: (code: string) =>
    getQuery(workKeys.leadership(code), '/api/org-units/{code}/leadership', unitPath(code)),
  staff: (code: string) => getQuery(workKeys.staff(code), '/api/org-units/{code}/staff', unitPath(code)),
  tasks: (planId: string) => getQuery(workKeys.tasks(planId), '/api/plans/{id}/tasks', idPath(planId)),
};

export const planDocxUrl = (planId: string) => apiUrl('/api/plans/{id}/plan.docx', idPath(planId));
export const planExportUrl = (planId: string) => apiUrl('/api/plans/{id}/export', idPath(planId));
