/** Typed client for the Bình Đẳng HTTP API, and the react-query options built on it. */
import { queryOptions } from '@tanstack/react-query';
import type { OrgUnitDetail, OrgUnitSummary } from '../modules/org-units/org-units.schemas';
import type { OrgUnitAssignments, PlanDetail, PlanSummary } from '../modules/plans/plans.schemas';

export type { OrgUnitDetail, OrgUnitSummary, OrgUnitAssignments, PlanDetail, PlanSummary };
export type OrgUnitKind = OrgUnitSummary['kind'];
export type Assignment = OrgUnitAssignments['items'][number];

/** An answer from the API other than 2xx, carrying the server's error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

interface ErrorBody {
  error?: { code?: string; message?: string };
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, signal });
  if (!res.ok) {
    let body: ErrorBody = {};
    try {
      body = (await res.json()) as ErrorBody;
    } catch {
      // Not JSON (proxy error page): the status alone has to do.
    }
    throw new ApiError(res.status, body.error?.code ?? 'HTTP_ERROR', body.error?.message ?? res.statusText);
  }
  return (await res.json()) as T;
}

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
  orgUnitSearch: (q: string) =>
    queryOptions({
      queryKey: ['org-units', 'search', q],
      queryFn: ({ signal }) => searchOrgUnits(q, 50, signal),
    }),
};
