/** Client and react-query options for reporting: cycles, completeness, calendar, reports, notifications. */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ReportKind, UnitReportState } from '../../../domain/cycles';
import type { calendarItemSchema, cycleSchema } from '../../../modules/reporting/reporting.schemas';
import type { reportDocumentSchema } from '../../../modules/reports/reports.schemas';
import { ApiError, type ApiIssue, type Session } from '../../api';
import { queryClient } from '../../app/query-client';

export type { ReportKind, UnitReportState };
export type Cycle = z.infer<typeof cycleSchema>;
export type CalendarItem = z.infer<typeof calendarItemSchema>;
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

export interface ReportDefinition {
  id: string;
  kind: ReportKind;
  title: string;
  content: string;
  reportingEntities: string;
  recipient: string;
  sendingMethod: string;
  frequency: string;
  cutoffStart: string;
  cutoffEnd: string;
  dueMonthDay: string;
  outlineTemplate: string;
  dataForm: string;
  version: number;
}

export interface UnitCompleteness {
  code: string;
  name: string;
  kind: 'agency' | 'commune';
  state: UnitReportState;
  submittedAt: string | null;
  daysLate: number;
  onTime: boolean;
  targets: { code: string; role: string }[];
  indicators: string[];
}

export interface Completeness {
  cycle: Cycle;
  summary: { obligated: number; submitted: number; approved: number; accepted: number; late: number };
  units: UnitCompleteness[];
}

export interface TimelinessItem {
  cycleId: string;
  kind: string;
  period: string;
  due: string;
  obligated: number;
  onTime: number;
  late: number;
  rate: number | null;
}

export interface NotificationItem {
  id: string;
  orgUnit: string;
  kind: string;
  message: string;
  createdAt: string;
  cycleId: string;
}

/** The parts of a report the unit writes; `version` guards against overwriting someone else's save. */
export interface DraftFields {
  activities: string;
  difficulties: string;
  proposals: string;
  signerAuthority: string;
  signerName: string;
  recipients: string[];
}

export interface Draft extends DraftFields {
  signed: { size: number; sha256: string; sentAt: string } | null;
  version: number;
}

export interface ReportView {
  cycle: Cycle;
  unit: { code: string; name: string; kind: string };
  document: ReportDocument;
}

/** The server refuses signed PDFs above this size (src/modules/reports/reports.service.ts). */
export const PDF_MAX_BYTES = 20 * 1024 * 1024;

const enc = encodeURIComponent;

async function send<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (init.method && init.method !== 'GET') {
    // Writes carry the session's CSRF token, as the main api client does.
    const token = queryClient.getQueryData<Session>(['session'])?.csrfToken;
    if (token) headers.set('x-csrf-token', token);
  }
  const res = await fetch(path, { credentials: 'same-origin', ...init, headers });
  if (!res.ok) {
    let body: { error?: { code?: string; message?: string; issues?: ApiIssue[] } } = {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      // Not JSON (a proxy's error page): the status has to do.
    }
    throw new ApiError(
      res.status,
      body.error?.code ?? 'HTTP_ERROR',
      body.error?.message ?? res.statusText,
      body.error?.issues ?? [],
    );
  }
  return (await res.json()) as T;
}

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  ...(body === undefined
    ? {}
    : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
});

export const reportPath = (cycleId: string, unit: string) => `/cycles/${enc(cycleId)}/reports/${enc(unit)}`;
export const cyclePath = (cycleId: string, unit?: string) =>
  `/cycles/${enc(cycleId)}${unit ? `?unit=${enc(unit)}` : ''}`;
export const reportFileUrl = (
  cycleId: string,
  unit: string,
  file: 'report.docx' | 'appendix.xlsx' | 'signed.pdf',
) => `/api/cycles/${enc(cycleId)}/reports/${enc(unit)}/${file}`;
export const calendarIcsPath = (code: string) => `/api/org-units/${enc(code)}/calendar.ics`;

export function generateCycles(planId: string, year?: number): Promise<{ cycles: Cycle[] }> {
  return send(`/api/plans/${enc(planId)}/cycles/generate`, json('POST', year ? { year } : undefined));
}

/** 409 CONFLICT when someone changed the cycle since it was loaded (issues[0].current is the stored row). */
export function updateCycleDates(
  id: string,
  body: { due: string; cutoffFrom: string; cutoffTo: string; version: number },
): Promise<Cycle> {
  return send(`/api/cycles/${enc(id)}`, json('PATCH', body));
}

/** 409 CONFLICT when someone saved the report since it was loaded. */
export function saveDraft(cycleId: string, unit: string, body: DraftFields & { version: number }) {
  return send<Draft>(`/api/cycles/${enc(cycleId)}/reports/${enc(unit)}/draft`, json('PUT', body));
}

/** The signed PDF as it is: the body is the file, not a form. */
export function uploadSignedPdf(cycleId: string, unit: string, file: Blob): Promise<Draft> {
  return send(`/api/cycles/${enc(cycleId)}/reports/${enc(unit)}/signed`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf' },
    body: file,
  });
}

export const reportingQueries = {
  cycles: (planId: string) =>
    queryOptions({
      queryKey: ['reporting', 'cycles', planId],
      queryFn: ({ signal }) =>
        send<{ definitions: ReportDefinition[]; cycles: Cycle[] }>(`/api/plans/${enc(planId)}/cycles`, {
          signal,
        }),
    }),
  timeliness: (planId: string) =>
    queryOptions({
      queryKey: ['reporting', 'timeliness', planId],
      queryFn: ({ signal }) =>
        send<{ items: TimelinessItem[] }>(`/api/plans/${enc(planId)}/timeliness`, { signal }),
    }),
  completeness: (cycleId: string, unit?: string) =>
    queryOptions({
      queryKey: ['reporting', 'completeness', cycleId, unit ?? ''],
      queryFn: ({ signal }) =>
        send<Completeness>(`/api/cycles/${enc(cycleId)}/completeness${unit ? `?unit=${enc(unit)}` : ''}`, {
          signal,
        }),
    }),
  calendar: (code: string) =>
    queryOptions({
      queryKey: ['reporting', 'calendar', code],
      queryFn: ({ signal }) =>
        send<{ unit: { code: string; name: string; fullName: string }; items: CalendarItem[] }>(
          `/api/org-units/${enc(code)}/calendar`,
          { signal },
        ),
    }),
  notifications: () =>
    queryOptions({
      queryKey: ['reporting', 'notifications'],
      queryFn: ({ signal }) => send<{ items: NotificationItem[] }>('/api/notifications', { signal }),
      // Reminders are recorded by a background job: look again now and then.
      refetchInterval: 5 * 60_000,
    }),
  draft: (cycleId: string, unit: string) =>
    queryOptions({
      queryKey: ['reporting', 'draft', cycleId, unit],
      queryFn: ({ signal }) =>
        send<Draft>(`/api/cycles/${enc(cycleId)}/reports/${enc(unit)}/draft`, { signal }),
      staleTime: 0,
    }),
  report: (cycleId: string, unit: string) =>
    queryOptions({
      queryKey: ['reporting', 'report', cycleId, unit],
      queryFn: ({ signal }) =>
        send<ReportView>(`/api/cycles/${enc(cycleId)}/reports/${enc(unit)}/document`, { signal }),
    }),
};
