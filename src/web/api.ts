/** Typed client for the Bình Đẳng HTTP API, and the react-query options built on it. */
import { queryOptions } from '@tanstack/react-query';
import type { IndicatorView } from '../modules/indicators/indicators.schemas';
import type {
  ObservationInputView,
  ObservationView,
  RecordResultView,
} from '../modules/observations/observations.schemas';
import type { OrgUnitDetail, OrgUnitSummary } from '../modules/org-units/org-units.schemas';
import type { OrgUnitAssignments, PlanDetail, PlanSummary } from '../modules/plans/plans.schemas';
import type { PlanProgress, TargetDetailProgress } from '../modules/progress/progress.schemas';
import type { Role, RoleGrant } from '../domain/permissions';
import type { SubmissionStatus, Transition } from '../domain/workflow';

export type { OrgUnitDetail, OrgUnitSummary, OrgUnitAssignments, PlanDetail, PlanSummary };
export type { PlanProgress, TargetDetailProgress, IndicatorView, ObservationView, RecordResultView };
export type OrgUnitKind = OrgUnitSummary['kind'];
export type Assignment = OrgUnitAssignments['items'][number];
export type TargetProgress = PlanProgress['targets'][number];
export type MeasureProgress = TargetProgress['measures'][number];
export type MeasureDetailProgress = TargetDetailProgress['measures'][number];
export type SeriesPoint = MeasureDetailProgress['series'][number];
export type ObservationRow = Pick<
  ObservationInputView,
  | 'indicator'
  | 'orgUnit'
  | 'reportingUnit'
  | 'version'
  | 'period'
  | 'sex'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'source'
  | 'note'
>;
export type { Role, RoleGrant, SubmissionStatus, Transition };

/** The signed-in user as /api/auth/session and /api/auth/login describe it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  grants: RoleGrant[];
}

export interface Session {
  user: SessionUser | null;
  csrfToken: string | null;
  /** Set in the app (never by the server): the page where the user just signed out. */
  signedOutFrom?: string;
}

export interface DemoAccounts {
  password: string | null;
  items: { username: string; displayName: string; grants: RoleGrant[] }[];
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  isDemo: boolean;
  grants: RoleGrant[];
}

/** One unit's figures for a plan and year on their way to the province. */
export interface SubmissionItem {
  orgUnit: string;
  orgUnitName: string;
  status: SubmissionStatus;
  version: number;
  lastComment: string | null;
  figures: number;
}

export interface SubmissionView {
  id: string;
  planId: string;
  orgUnit: string;
  period: string;
  status: SubmissionStatus;
  lastComment: string | null;
  version: number;
}

/** One row of the audit trail. */
export interface AuditEntry {
  id: number;
  at: string;
  userId: string | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  orgUnitCode: string | null;
  period: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface AuditFilter {
  unit: string;
  user?: string;
  period?: string;
  action?: string;
  limit?: number;
}

/** One problem the server found in a request, pointing at a row (1-based) and a field when it can. */
export interface ApiIssue {
  path: string;
  message: string;
  line?: number;
  column?: string;
  code?: string;
  /** For a conflict: what is stored now. */
  current?: Record<string, unknown>;
}

/** An answer from the API other than 2xx, carrying the server's error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

interface ErrorBody {
  error?: { code?: string; message?: string; issues?: ApiIssue[] };
}

/** The CSRF token of the current session: sent with every write. Set by the session query and by login. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function readJson<T>(res: Response): Promise<T> {
  if (!res.ok) {
    let body: ErrorBody = {};
    try {
      body = (await res.json()) as ErrorBody;
    } catch {
      // Not JSON (proxy error page): the status alone has to do.
    }
    throw new ApiError(
      res.status,
      body.error?.code ?? 'HTTP_ERROR',
      body.error?.message ?? res.statusText,
      body.error?.issues ?? [],
    );
  }
  // 204 No Content (logout, password change): nothing to read.
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * Every request of the web app: JSON answers, the session cookie, and on writes the session's CSRF token. A
 * refused request throws an ApiError with the server's code, Vietnamese message and issues.
 */
export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (init.method && init.method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  return readJson<T>(await fetch(path, { credentials: 'same-origin', ...init, headers }));
}

/** A write with a JSON body (or none). */
export function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T> {
  return request<T>(
    path,
    body === undefined
      ? { method }
      : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
}

const getJson = <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal });
const postJson = <T>(path: string, body?: unknown) => sendJson<T>('POST', path, body);

const enc = encodeURIComponent;

export function fetchPlans(signal?: AbortSignal): Promise<{ items: PlanSummary[] }> {
  return getJson('/api/plans', signal);
}

export function fetchPlan(id: string, signal?: AbortSignal): Promise<PlanDetail> {
  return getJson(`/api/plans/${enc(id)}`, signal);
}

export function fetchOrgUnit(code: string, signal?: AbortSignal): Promise<OrgUnitDetail> {
  return getJson(`/api/org-units/${enc(code)}`, signal);
}

export function fetchOrgUnitChildren(
  code: string,
  signal?: AbortSignal,
): Promise<{ items: OrgUnitSummary[] }> {
  return getJson(`/api/org-units/${enc(code)}/children`, signal);
}

export function fetchOrgUnitAssignments(code: string, signal?: AbortSignal): Promise<OrgUnitAssignments> {
  return getJson(`/api/org-units/${enc(code)}/assignments`, signal);
}

export function searchOrgUnits(
  q: string,
  limit = 50,
  signal?: AbortSignal,
): Promise<{ items: OrgUnitSummary[] }> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  return getJson(`/api/org-units?${params.toString()}`, signal);
}

export function fetchPlanProgress(
  id: string,
  includePending = false,
  signal?: AbortSignal,
): Promise<PlanProgress> {
  const query = includePending ? '?includePending=true' : '';
  return getJson(`/api/plans/${enc(id)}/progress${query}`, signal);
}

export function fetchTargetProgress(id: string, signal?: AbortSignal): Promise<TargetDetailProgress> {
  return getJson(`/api/targets/${enc(id)}/progress`, signal);
}

export function fetchIndicators(signal?: AbortSignal): Promise<{ items: IndicatorView[] }> {
  return getJson('/api/indicators', signal);
}

export function fetchObservations(
  filter: { orgUnit?: string; period?: string; indicator?: string },
  signal?: AbortSignal,
): Promise<{ items: ObservationView[] }> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return getJson(`/api/observations?${params.toString()}`, signal);
}

export async function fetchSession(signal?: AbortSignal): Promise<Session> {
  const session = await getJson<Session>('/api/auth/session', signal);
  setCsrfToken(session.csrfToken);
  return session;
}

/** Signs in; throws ApiError 401 (wrong name or password) or 429 (too many tries, locked for a while). */
export async function login(username: string, password: string): Promise<Session> {
  const session = await postJson<Session>('/api/auth/login', { username, password });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await postJson<void>('/api/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

/** Throws ApiError 400 with issues at $.body.currentPassword or $.body.newPassword. */
export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<void> {
  return postJson('/api/auth/password', body);
}

/** Outside demo mode the server answers 404: no demo accounts to show. */
export async function fetchDemoAccounts(signal?: AbortSignal): Promise<DemoAccounts> {
  try {
    return await getJson<DemoAccounts>('/api/auth/demo-accounts', signal);
  } catch (error) {
    if (isNotFound(error)) return { password: null, items: [] };
    throw error;
  }
}

export function fetchUsers(signal?: AbortSignal): Promise<{ items: UserView[] }> {
  return getJson('/api/users', signal);
}

export function createUser(body: {
  username: string;
  displayName: string;
  password: string;
  grants: RoleGrant[];
}): Promise<{ id: string }> {
  return postJson('/api/users', body);
}

export function fetchSubmissions(
  plan: string,
  period: string,
  signal?: AbortSignal,
): Promise<{ items: SubmissionItem[] }> {
  const params = new URLSearchParams({ plan, period });
  return getJson(`/api/submissions?${params.toString()}`, signal);
}

/** One step of the approval chain; 403 (not allowed), 409 (wrong state or stale version), 400 (comment). */
export function transitionSubmission(
  transition: Transition,
  body: { planId: string; orgUnit: string; period: string; comment?: string; version?: number },
): Promise<SubmissionView> {
  return postJson(`/api/submissions/${transition}`, body);
}

/** Approves or accepts many units at once, all or nothing. */
export function bulkTransition(
  transition: 'approve' | 'accept',
  body: { planId: string; period: string; units: string[] },
): Promise<{ items: SubmissionView[] }> {
  return postJson(`/api/submissions/bulk-${transition}`, body);
}

export function fetchAudit(filter: AuditFilter, signal?: AbortSignal): Promise<{ items: AuditEntry[] }> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  return getJson(`/api/audit?${params.toString()}`, signal);
}

/** The key of one figure: indicator|orgUnit|period|sex|ageGroup|ethnicity|area, e.g. BDG-02|20|2025|total|||. */
export function observationKey(o: {
  indicator: string;
  orgUnit: string;
  period: string;
  sex: string;
  ageGroup?: string;
  ethnicity?: string;
  area?: string;
}): string {
  return [o.indicator, o.orgUnit, o.period, o.sex, o.ageGroup ?? '', o.ethnicity ?? '', o.area ?? ''].join(
    '|',
  );
}

export function fetchObservationHistory(key: string, signal?: AbortSignal): Promise<{ items: AuditEntry[] }> {
  return getJson(`/api/history/observation?key=${enc(key)}`, signal);
}

export function fetchPlanHistory(id: string, signal?: AbortSignal): Promise<{ items: AuditEntry[] }> {
  return getJson(`/api/plans/${enc(id)}/history`, signal);
}

/**
 * Stores figures. Throws ApiError 400 VALIDATION_FAILED (issues point at row and field),
 * 422 WARNINGS_UNACKNOWLEDGED (outliers to confirm by sending again with acknowledgeWarnings),
 * 409 CONFLICT (someone changed a figure since it was loaded: issues carry `current`), 423 LOCKED (approved or
 * accepted figures) or 403 FORBIDDEN (not the user's unit or indicator).
 */
export function recordObservations(body: {
  rows: ObservationRow[];
  locale: 'vi' | 'en';
  acknowledgeWarnings: boolean;
}): Promise<RecordResultView> {
  return postJson('/api/observations', body);
}

export const queries = {
  plans: () => queryOptions({ queryKey: ['plans'], queryFn: ({ signal }) => fetchPlans(signal) }),
  plan: (id: string) =>
    queryOptions({ queryKey: ['plans', id], queryFn: ({ signal }) => fetchPlan(id, signal) }),
  orgUnit: (code: string) =>
    queryOptions({ queryKey: ['org-units', code], queryFn: ({ signal }) => fetchOrgUnit(code, signal) }),
  orgUnitChildren: (code: string) =>
    queryOptions({
      queryKey: ['org-units', code, 'children'],
      queryFn: ({ signal }) => fetchOrgUnitChildren(code, signal),
    }),
  orgUnitAssignments: (code: string) =>
    queryOptions({
      queryKey: ['org-units', code, 'assignments'],
      queryFn: ({ signal }) => fetchOrgUnitAssignments(code, signal),
    }),
  planProgress: (id: string, includePending = false) =>
    queryOptions({
      queryKey: ['progress', 'plan', id, includePending ? 'pending' : 'accepted'],
      queryFn: ({ signal }) => fetchPlanProgress(id, includePending, signal),
    }),
  targetProgress: (id: string) =>
    queryOptions({
      queryKey: ['progress', 'target', id],
      queryFn: ({ signal }) => fetchTargetProgress(id, signal),
    }),
  indicators: () =>
    queryOptions({
      queryKey: ['indicators'],
      queryFn: ({ signal }) => fetchIndicators(signal),
      staleTime: 10 * 60_000,
    }),
  observations: (orgUnit: string, period: string) =>
    queryOptions({
      queryKey: ['observations', orgUnit, period],
      queryFn: ({ signal }) => fetchObservations({ orgUnit, period }, signal),
    }),
  session: () =>
    queryOptions({
      queryKey: ['session'],
      queryFn: ({ signal }) => fetchSession(signal),
      staleTime: 5 * 60_000,
    }),
  demoAccounts: () =>
    queryOptions({
      queryKey: ['demo-accounts'],
      queryFn: ({ signal }) => fetchDemoAccounts(signal),
      staleTime: 10 * 60_000,
    }),
  users: () => queryOptions({ queryKey: ['users'], queryFn: ({ signal }) => fetchUsers(signal) }),
  submissions: (plan: string, period: string) =>
    queryOptions({
      queryKey: ['submissions', plan, period],
      queryFn: ({ signal }) => fetchSubmissions(plan, period, signal),
    }),
  audit: (filter: AuditFilter) =>
    queryOptions({
      queryKey: ['audit', filter],
      queryFn: ({ signal }) => fetchAudit(filter, signal),
      staleTime: 0,
    }),
  observationHistory: (key: string) =>
    queryOptions({
      queryKey: ['history', 'observation', key],
      queryFn: ({ signal }) => fetchObservationHistory(key, signal),
      staleTime: 0,
    }),
  planHistory: (id: string) =>
    queryOptions({
      queryKey: ['history', 'plan', id],
      queryFn: ({ signal }) => fetchPlanHistory(id, signal),
      staleTime: 0,
    }),
  orgUnitSearch: (q: string) =>
    queryOptions({
      queryKey: ['org-units', 'search', q],
      queryFn: ({ signal }) => searchOrgUnits(q, 50, signal),
    }),
};
