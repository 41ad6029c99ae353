/**
 * Indicators computed from records instead of entered: the register of leadership positions and the activity
 * log. Pure functions from records to per-unit figures; roll-ups then apply the indicator's rule as for entered
 * figures.
 */

export const ACTIVITY_KINDS = ['communication', 'event', 'training', 'meeting', 'inspection'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export type Computation =
  /** 1/1 when a key-leader post of the unit is held by a woman at the end of the period, 0/1 otherwise. */
  | { kind: 'female_key_leader_share' }
  /** The number of the unit's activities of a kind in the period. */
  | { kind: 'activity_count'; activity: ActivityKind }
  /** 1/1 when the unit logged at least `min` activities of a kind in the period, 0/1 otherwise. */
  | { kind: 'units_with_min_activities'; activity: ActivityKind; min: number }
  /** Participants of trainings in the period, by sex. */
  | { kind: 'training_participants' };

export interface LeadershipTerm {
  isKeyLeader: boolean;
  holderSex: 'female' | 'male' | null;
  fromDate: string;
  toDate: string | null;
}

export interface ActivityRecord {
  kind: ActivityKind;
  date: string;
  participantsFemale: number | null;
  participantsMale: number | null;
}

export interface ComputedFigure {
  sex: 'total' | 'female' | 'male';
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** Terms in force on a day (inclusive bounds). */
export function termsOn(terms: readonly LeadershipTerm[], day: string): LeadershipTerm[] {
  return terms.filter((t) => t.fromDate <= day && (t.toDate === null || t.toDate >= day));
}

/**
 * The figures of one unit for one period ending on `periodEnd` and starting on `periodStart`; empty when the
 * unit has nothing to count (no key-leader post on that day).
 */
export function computeUnitFigures(
  c: Computation,
  records: { terms: readonly LeadershipTerm[]; activities: readonly ActivityRecord[] },
  periodStart: string,
  periodEnd: string,
): ComputedFigure[] {
  const inPeriod = records.activities.filter((a) => a.date >= periodStart && a.date <= periodEnd);
  switch (c.kind) {
    case 'female_key_leader_share': {
      const key = termsOn(records.terms, periodEnd).filter((t) => t.isKeyLeader && t.holderSex !== null);
      if (key.length === 0) return [];
      const numerator = key.some((t) => t.holderSex === 'female') ? 1 : 0;
      return [{ sex: 'total', value: numerator * 100, numerator, denominator: 1 }];
    }
    case 'activity_count': {
      const n = inPeriod.filter((a) => a.kind === c.activity).length;
      return [{ sex: 'total', value: n, numerator: null, denominator: null }];
    }
    case 'units_with_min_activities': {
      const numerator = inPeriod.filter((a) => a.kind === c.activity).length >= c.min ? 1 : 0;
      return [{ sex: 'total', value: numerator * 100, numerator, denominator: 1 }];
    }
    case 'training_participants': {
      const trainings = inPeriod.filter((a) => a.kind === 'training');
      const female = trainings.reduce((s, a) => s + (a.participantsFemale ?? 0), 0);
      const male = trainings.reduce((s, a) => s + (a.participantsMale ?? 0), 0);
      return [
        { sex: 'female', value: female, numerator: null, denominator: null },
        { sex: 'male', value: male, numerator: null, denominator: null },
        { sex: 'total', value: female + male, numerator: null, denominator: null },
      ];
    }
  }
}

/** Parses a stored computation; null for an entered indicator or an unknown shape. */
export function parseComputation(raw: unknown): Computation | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const activity = ACTIVITY_KINDS.includes(r.activity as ActivityKind) ? (r.activity as ActivityKind) : null;
  switch (r.kind) {
    case 'female_key_leader_share':
    case 'training_participants':
      return { kind: r.kind };
    case 'activity_count':
      return activity ? { kind: 'activity_count', activity } : null;
    case 'units_with_min_activities':
      return activity && typeof r.min === 'number'
        ? { kind: 'units_with_min_activities', activity, min: r.min }
        : null;
    default:
      return null;
  }
}
