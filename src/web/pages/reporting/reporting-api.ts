/** Client and react-query options for reporting: cycles, completeness, calendar, reports, notifications. */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ReportKind, UnitReportState } from '../../../domain/cycles';
import type { calendarItemSchema, cycleSchema } from '../../../modules/reporting/reporting.schemas';
import type { reportDocumentSchema } from '../../../modules/reports/reports.schemas';
import { request, sendJson } from '../../api';

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
  return sendJson('POST', `/api/plans/${enc(planId)}/cycles/generate`, year ? { year } : undefined);
}

/** 409 CONFLICT when someone changed the cycle since it was loaded (issues[0].current is the stored row). */
export function updateCycleDates(
  id: string,
  body: { due: string; cutoffFrom: string; cutoffTo: string; version: number },
): Promise<Cycle> {
  return sendJson('PATCH', `/api/cycles/${enc(id)}`, body);
}

/** 409 CONFLICT when someone saved the report since it was loaded. */
export function saveDraft(cycleId: string, unit: string, body: DraftFields & { version: number }) {
  return sendJson<Draft>('PUT', `/api/cycles/${enc(cycleId)}/reports/${enc(unit)}/draft`, body);
}

/** The signed PDF as it is: the body is the file, not a form. */
export function uploadSignedPdf(cycleId: string, unit: string, file: Blob): Promise<Draft> {
  return request(`/api/cycles/${enc(cycleId)}/reports/${enc(unit)}/signed`, {
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
        request<{ definitions: ReportDefinition[]; cycles: Cycle[] }>(`/api/plans/${enc(planId)}/cycles`, {
          signal,
        }),
    }),
  timeliness: (planId: string) =>
    queryOptions({
      queryKey: ['reporting', 'timeliness', planId],
      queryFn: ({ signal }) =>
        request<{ items: TimelinessItem[] }>(`/api/plans/${enc(planId)}/timeliness`, { signal }),
    }),
  completeness: (cycleId: string, unit?: string) =>
    queryOptions({
      queryKey: ['reporting', 'completeness', cycleId, unit ?? ''],
      queryFn: ({ signal }) =>
        request<Completeness>(`/api/cycles/${enc(cycleId)}/completeness${unit ? `?unit=${enc(unit)}` : ''}`, {
          signal,
        }),
    }),
  calendar: (code: string) =>
    queryOptions({
      queryKey: ['reporting', 'calendar', code],
      queryFn: ({ signal }) =>
        request<{ unit: { code: string; name: string; fullName: string }; items: CalendarItem[] }>(
          `/api/org-units/${enc(code)}/calendar`,
          { signal },
        ),
    }),
  notifications: () =>
    queryOptions({
      queryKey: ['reporting', 'notifications'],
      queryFn: ({ signal }) => request<{ items: NotificationItem[] }>('/api/notifications', { signal }),
      // Reminders are recorded by a background job: look again now and then.
      refetchInterval: 5 * 60_000,
    }),
  draft: (cycleId: string, unit: string) =>
    queryOptions({
      queryKey: ['reporting', 'draft', cycleId, unit],
      queryFn: ({ signal }) =>
        request<Draft>(`/api/cycles/${enc(cycleId)}/reports/${enc(unit)}/draft`, { signal }),
      staleTime: 0,
    }),
  report: (cycleId: string, unit: string) =>
    queryOptions({
      queryKey: ['reporting', 'report', cycleId, unit],
      queryFn: ({ signal }) =>
        request<ReportView>(`/api/cycles/${enc(cycleId)}/reports/${enc(unit)}/document`, { signal }),
    }),
};
