/** The indicator catalogue and the figures units enter for it. */
import { api, getQuery, unwrap, withoutEmpty, type BodyOf, type ResponseOf } from './client';
import { indicatorKeys, observationKeys } from './keys';

export type IndicatorView = ResponseOf<'/api/indicators', 'get'>['items'][number];
export type ObservationView = ResponseOf<'/api/observations', 'get'>['items'][number];
export type RecordResultView = ResponseOf<'/api/observations', 'post'>;
type RecordBody = BodyOf<'/api/observations', 'post'>;
/** The fields of a figure the entry form sends. */
export type ObservationRow = Pick<
  RecordBody['rows'][number],
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

/** The key of one figure, as the audit trail names it (one rule, in src/domain). */
export { observationKey } from '../../domain/observation-key';

/**
 * Stores figures. Throws ApiError 400 VALIDATION_FAILED (issues point at row and field),
 * 422 WARNINGS_UNACKNOWLEDGED (outliers to confirm by sending again with acknowledgeWarnings),
 * 409 CONFLICT (someone changed a figure since it was loaded: issues carry `current`), 423 LOCKED (approved or
 * accepted figures) or 403 FORBIDDEN (not the user's unit or indicator).
 */
export function recordObservations(
  body: Required<Pick<RecordBody, 'locale' | 'acknowledgeWarnings'>> & { rows: ObservationRow[] },
): Promise<RecordResultView> {
  return unwrap(api.POST('/api/observations', { body }));
}

export const observationQueries = {
  indicators: () => getQuery(indicatorKeys.all, '/api/indicators', {}, { staleTime: 10 * 60_000 }),
  observations: (orgUnit: string, period: string) =>
    getQuery(observationKeys.list(orgUnit, period), '/api/observations', {
      query: withoutEmpty({ orgUnit, period }),
    }),
};
