/**
 * Typed client for the activity log, the registers, tasks and drafted plans, and the react-query options built
 * on it. Shapes follow src/modules/{activities,registers,tasks,plan-drafts}/*.routes.ts.
 */
import { queryOptions } from '@tanstack/react-query';
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
} from '../../../domain/activity-log';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../domain/computed';
import { request, sendJson } from '../../api';

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

export interface Attachment {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  url: string;
}

export interface Activity {
  id: string;
  orgUnit: string;
  kind: ActivityKind;
  title: string;
  channel: string | null;
  url: string | null;
  date: string;
  endDate: string | null;
  occasion: string | null;
  participantsFemale: number | null;
  participantsMale: number | null;
  findings: string | null;
  taskIds: string[];
  targetIds: string[];
  isDemo: boolean;
  attachments: Attachment[];
}

export interface ActivityInput {
  kind: ActivityKind;
  title: string;
  channel?: Channel | null;
  url?: string | null;
  date: string;
  endDate?: string | null;
  occasion?: Occasion | null;
  participantsFemale?: number | null;
  participantsMale?: number | null;
  findings?: string | null;
  taskIds: string[];
  targetIds: string[];
}

/** The filters of GET /api/org-units/:code/activities (target and task are ids). */
export interface ActivityQuery {
  kind?: ActivityKind;
  channel?: Channel;
  occasion?: Occasion;
  target?: string;
  task?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface LeadershipTerm {
  id: string;
  position: string;
  isKeyLeader: boolean;
  holderSex: 'female' | 'male' | null;
  fromDate: string;
  toDate: string | null;
  isDemo: boolean;
}

export interface HolderChange {
  position: string;
  isKeyLeader: boolean;
  holderSex: 'female' | 'male' | null;
  fromDate: string;
}

export interface StaffCount {
  asOf: string;
  female: number;
  male: number;
}

export interface PlanTask {
  id: string;
  code: string | null;
  text: string;
  agencies: { name: string; code: string | null }[];
  status: TaskStatus;
  startDate: string | null;
  dueDate: string | null;
  evidence: string | null;
  parentTaskId: string | null;
  version: number;
  children: { id: string; planId: string; planIssuer: string; status: TaskStatus }[];
  childrenDone: number;
}

export interface TaskUpdate {
  status: TaskStatus;
  startDate: string | null;
  dueDate: string | null;
  evidence: string | null;
  version: number;
}

const enc = encodeURIComponent;

const get = <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal });
const json = sendJson;

export function fetchActivities(code: string, q: ActivityQuery, signal?: AbortSignal) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) if (value) params.set(key, String(value));
  return get<{ items: Activity[] }>(`/api/org-units/${enc(code)}/activities?${params.toString()}`, signal);
}

/** Writes of this client (the session's CSRF token goes with each, see api.ts `request`). */
export function useWorkApi() {
  return {
    logActivity: (code: string, body: ActivityInput) =>
      json<Activity>('POST', `/api/org-units/${enc(code)}/activities`, body),
    /** The file itself is the body; its name travels in x-file-name (URI-encoded: headers are ASCII). */
    attach: (activityId: string, file: File) =>
      request<Attachment>(`/api/activities/${enc(activityId)}/attachments`, {
        method: 'POST',
        body: file,
        headers: { 'content-type': file.type || 'application/octet-stream', 'x-file-name': enc(file.name) },
      }),
    changeHolder: (code: string, body: HolderChange) =>
      json<LeadershipTerm>('POST', `/api/org-units/${enc(code)}/leadership`, body),
    recordStaff: (code: string, body: StaffCount) =>
      json<StaffCount>('PUT', `/api/org-units/${enc(code)}/staff`, body),
    updateTask: (id: string, body: TaskUpdate) => json<PlanTask>('PATCH', `/api/tasks/${enc(id)}`, body),
    draftPlan: (planId: string, body: { unit: string; year: number }) =>
      json<{ id: string; url: string }>('POST', `/api/plans/${enc(planId)}/drafts`, body),
  };
}

export const workQueries = {
  activities: (code: string, q: ActivityQuery) =>
    queryOptions({
      queryKey: ['work', 'activities', code, q],
      queryFn: ({ signal }) => fetchActivities(code, q, signal),
    }),
  leadership: (code: string) =>
    queryOptions({
      queryKey: ['work', 'leadership', code],
      queryFn: ({ signal }) =>
        get<{ items: LeadershipTerm[] }>(`/api/org-units/${enc(code)}/leadership`, signal),
    }),
  staff: (code: string) =>
    queryOptions({
      queryKey: ['work', 'staff', code],
      queryFn: ({ signal }) => get<{ items: StaffCount[] }>(`/api/org-units/${enc(code)}/staff`, signal),
    }),
  tasks: (planId: string) =>
    queryOptions({
      queryKey: ['work', 'tasks', planId],
      queryFn: ({ signal }) => get<{ items: PlanTask[] }>(`/api/plans/${enc(planId)}/tasks`, signal),
    }),
};

export const planDocxUrl = (planId: string) => `/api/plans/${enc(planId)}/plan.docx`;
export const planExportUrl = (planId: string) => `/api/plans/${enc(planId)}/export`;
