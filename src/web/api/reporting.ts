/** Reporting: cycles, completeness, timeliness, calendar, the units' reports and notifications. */
import { api, apiUrl, getQuery, postFile, unwrap, type BodyOf, type ResponseOf } from './client';
import { reportingKeys } from './keys';

type CyclesView = ResponseOf<'/api/plans/{id}/cycles', 'get'>;
export type Cycle = CyclesView['cycles'][number];
export type ReportDefinition = CyclesView['definitions'][number];
export type ReportKind = ReportDefinition['kind'];
export type ReportingUnits = ResponseOf<'/api/plans/{id}/reporting-units', 'get'>;
export type ReportingUnit = ReportingUnits['units'][number];
export type DefinitionChanges = BodyOf<'/api/definitions/{id}', 'patch'>;
export type ReportingSettings = ResponseOf<'/api/org-units/{code}/reporting-settings', 'get'>;
export type CalendarItem = ResponseOf<'/api/org-units/{code}/calendar', 'get'>['items'][number];
export type Completeness = ResponseOf<'/api/cycles/{id}/completeness', 'get'>;
export type UnitCompleteness = Completeness['units'][number];
export type UnitReportState = UnitCompleteness['state'];
export type TimelinessItem = ResponseOf<'/api/plans/{id}/timeliness', 'get'>['items'][number];
export type NotificationItem = ResponseOf<'/api/notifications', 'get'>['items'][number];
/** A unit's report as saved, with the signed PDF when one was sent. */
export type Draft = ResponseOf<'/api/cycles/{id}/reports/{unit}/draft', 'get'>;
type DraftBody = BodyOf<'/api/cycles/{id}/reports/{unit}/draft', 'put'>;
/** The parts of a report the unit writes; `version` guards against overwriting someone else's save. */
export type DraftFields = Omit<DraftBody, 'version'>;
export type ReportView = ResponseOf<'/api/cycles/{id}/reports/{unit}/document', 'get'>;
export type ReportDocument = ReportView['document'];

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
) => apiUrl(`/api/cycles/{id}/reports/{unit}/${file}`, { path: { id: cycleId, unit } });
export const calendarIcsPath = (code: string) =>
  apiUrl('/api/org-units/{code}/calendar.ics', { path: { code } });

const report = (cycleId: string, unit: string) => ({ path: { id: cycleId, unit } });

export function generateCycles(planId: string, year?: number): Promise<{ cycles: Cycle[] }> {
  return unwrap(
    api.POST('/api/plans/{id}/cycles/generate', { params: { path: { id: planId } }, body: { year } }),
  );
}

/** 409 CONFLICT when someone changed the cycle since it was loaded (issues[0].current is the stored row). */
export function updateCycleDates(id: string, body: BodyOf<'/api/cycles/{id}', 'patch'>): Promise<Cycle> {
  return unwrap(api.PATCH('/api/cycles/{id}', { params: { path: { id } }, body }));
}

/** 409 CONFLICT when someone changed the definition since it was loaded (issues[0].current is the stored row). */
export function updateDefinition(id: string, body: DefinitionChanges): Promise<ReportDefinition> {
  return unwrap(api.PATCH('/api/definitions/{id}', { params: { path: { id } }, body }));
}

/** Adds a definition of a kind the plan lacks, with its cycles; 409 CONFLICT when the plan has one. */
export function createDefinition(
  planId: string,
  body: BodyOf<'/api/plans/{id}/definitions', 'post'>,
): Promise<ReportDefinition> {
  return unwrap(api.POST('/api/plans/{id}/definitions', { params: { path: { id: planId } }, body }));
}

/** Adds one cycle of a definition; 409 CONFLICT when that year has one. */
export function addCycle(planId: string, body: BodyOf<'/api/plans/{id}/cycles', 'post'>): Promise<Cycle> {
  return unwrap(api.POST('/api/plans/{id}/cycles', { params: { path: { id: planId } }, body }));
}

/** Deletes a definition with its cycles; 409 CONFLICT when a unit has sent or signed a report for one of them. */
export function deleteDefinition(id: string): Promise<{ deleted: string }> {
  return unwrap(api.DELETE('/api/definitions/{id}', { params: { path: { id } } }));
}

/** 409 CONFLICT when a unit has sent or signed its report for the cycle. */
export function deleteCycle(id: string): Promise<{ deleted: string }> {
  return unwrap(api.DELETE('/api/cycles/{id}', { params: { path: { id } } }));
}

/** Puts a unit on the list of those who owe the plan's reports (or back on it). */
export function addReportingUnit(planId: string, orgUnit: string): Promise<ReportingUnits> {
  return unwrap(
    api.POST('/api/plans/{id}/reporting-units', { params: { path: { id: planId } }, body: { orgUnit } }),
  );
}

/** Keeps a unit off the list (`included` false), or puts it back. */
export function setReportingUnitIncluded(
  planId: string,
  code: string,
  included: boolean,
): Promise<ReportingUnits> {
  return unwrap(
    api.PATCH('/api/plans/{id}/reporting-units/{code}', {
      params: { path: { id: planId, code } },
      body: { included },
    }),
  );
}

/** 409 CONFLICT when someone saved the report since it was loaded. */
/** A province's reporting settings: 6-month reports or not, and the default due days. 409 on a stale version. */
export function saveReportingSettings(
  code: string,
  body: BodyOf<'/api/org-units/{code}/reporting-settings', 'put'>,
): Promise<ReportingSettings> {
  return unwrap(api.PUT('/api/org-units/{code}/reporting-settings', { params: { path: { code } }, body }));
}

export function saveDraft(cycleId: string, unit: string, body: DraftBody): Promise<Draft> {
  return unwrap(api.PUT('/api/cycles/{id}/reports/{unit}/draft', { params: report(cycleId, unit), body }));
}

/** The signed PDF as it is: the body is the file, not a form. */
export function uploadSignedPdf(cycleId: string, unit: string, file: Blob): Promise<Draft> {
  return postFile('/api/cycles/{id}/reports/{unit}/signed', report(cycleId, unit), file, {
    'content-type': 'application/pdf',
  });
}

export const reportingQueries = {
  cycles: (planId: string) =>
    getQuery(reportingKeys.cycles(planId), '/api/plans/{id}/cycles', { path: { id: planId } }),
  units: (planId: string) =>
    getQuery(reportingKeys.units(planId), '/api/plans/{id}/reporting-units', { path: { id: planId } }),
  timeliness: (planId: string) =>
    getQuery(reportingKeys.timeliness(planId), '/api/plans/{id}/timeliness', { path: { id: planId } }),
  completeness: (cycleId: string, unit?: string) =>
    getQuery(reportingKeys.completeness(cycleId, unit), '/api/cycles/{id}/completeness', {
      path: { id: cycleId },
      query: unit ? { unit } : {},
    }),
  calendar: (code: string) =>
    getQuery(reportingKeys.calendar(code), '/api/org-units/{code}/calendar', { path: { code } }),
  settings: (code: string) =>
    getQuery(reportingKeys.settings(code), '/api/org-units/{code}/reporting-settings', { path: { code } }),
  notifications: () =>
    // Reminders are recorded by a background job: look again now and then.
    getQuery(reportingKeys.notifications, '/api/notifications', {}, { refetchInterval: 5 * 60_000 }),
  draft: (cycleId: string, unit: string) =>
    getQuery(
      reportingKeys.draft(cycleId, unit),
      '/api/cycles/{id}/reports/{unit}/draft',
      report(cycleId, unit),
      { staleTime: 0 },
    ),
  report: (cycleId: string, unit: string) =>
    getQuery(
      reportingKeys.report(cycleId, unit),
      '/api/cycles/{id}/reports/{unit}/document',
      report(cycleId, unit),
    ),
};
