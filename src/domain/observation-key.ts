/** A figure as the key names it: indicator code, described unit, period and disaggregation (empty = all). */
export interface ObservationKeyParts {
  indicator: string;
  orgUnit: string;
  period: string;
  sex: string;
  ageGroup?: string;
  ethnicity?: string;
  area?: string;
}

/**
 * The stable text key of one figure, as the audit trail records it and its history view is asked for it:
 * indicator|orgUnit|period|sex|ageGroup|ethnicity|area, e.g. "BDG-02|20|2025|total|||".
 */
export function observationKey(o: ObservationKeyParts): string {
  return [o.indicator, o.orgUnit, o.period, o.sex, o.ageGroup ?? '', o.ethnicity ?? '', o.area ?? ''].join(
    '|',
  );
}
