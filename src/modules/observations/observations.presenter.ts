import { fromNumeric } from '../../db/connection.js';
import { ISSUE_LIMIT } from '../../domain/input-limits.js';
import type { ObservationRow } from './observations.repository.js';
import type { ObservationView, RecordResultView } from './observations.schemas.js';
import type { RecordResult } from './observations.service.js';

/** The result as answered: the first ISSUE_LIMIT rejections and warnings, with their totals when there are more. */
export const presentRecordResult = (r: RecordResult): RecordResultView => ({
  stored: r.stored,
  rejected: r.rejected.slice(0, ISSUE_LIMIT),
  warnings: r.warnings.slice(0, ISSUE_LIMIT),
  ...(r.rejected.length > ISSUE_LIMIT ? { rejectedCount: r.rejected.length } : {}),
  ...(r.warnings.length > ISSUE_LIMIT ? { warningCount: r.warnings.length } : {}),
});

/** A stored figure as the API shows it, with its indicator's code. */
export const presentObservation = (
  r: ObservationRow & { accepted: boolean },
  indicatorCode: string,
): ObservationView => ({
  id: r.id,
  indicator: indicatorCode,
  orgUnit: r.orgUnitCode,
  reportingUnit: r.reportingUnitCode,
  period: r.period,
  sex: r.sex,
  ageGroup: r.ageGroup,
  ethnicity: r.ethnicity,
  area: r.area,
  value: Number(r.value),
  numerator: fromNumeric(r.numerator),
  denominator: fromNumeric(r.denominator),
  source: r.source,
  note: r.note,
  isDemo: r.isDemo,
  accepted: r.accepted,
  version: r.version,
});
