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
  | { kind: 'training_participants' }
  /**
   * The share of the unit's sections (phòng, ban, trung tâm) with a woman among their leaders at the end of the
   * period, among the sections whose leaders' sex the register gives.
   */
  | { kind: 'female_section_leader_share' }
  /** The share of the unit's staff that its trainings in the period reached, by sex (participants vs staff). */
  | { kind: 'staff_trained_share' };

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
  /**
   * How many activities the record stands for: the log is read summed by unit, kind and period (participants
   * summed too), so that a year of a province's log is a few hundred rows. One when absent.
   */
  count?: number;
}

/** How many activities of a kind the records stand for. */
const activitiesOf = (records: readonly ActivityRecord[], kind: ActivityKind) =>
  records.filter((a) => a.kind === kind).reduce((n, a) => n + (a.count ?? 1), 0);

/** Staff by sex on a date (the staff register). */
export interface StaffCount {
  asOf: string;
  female: number;
  male: number;
}

/** What a unit's computed figures are read from; the sections' registers and the staff counts only when needed. */
export interface UnitRecords {
  terms: readonly LeadershipTerm[];
  activities: readonly ActivityRecord[];
  /** The leadership register of each of the unit's sections. */
  sections?: readonly { terms: readonly LeadershipTerm[] }[];
  staff?: readonly StaffCount[];
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
  records: UnitRecords,
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
      const n = activitiesOf(inPeriod, c.activity);
      return [{ sex: 'total', value: n, numerator: null, denominator: null }];
    }
    case 'units_with_min_activities': {
      const numerator = activitiesOf(inPeriod, c.activity) >= c.min ? 1 : 0;
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
    case 'female_section_leader_share':
      return femaleSectionLeaderShare(records.sections ?? [], periodEnd);
    case 'staff_trained_share':
      return staffTrainedShare(inPeriod, records.staff ?? [], periodEnd);
  }
}

/** numerator / denominator as a percentage figure. */
const share = (sex: ComputedFigure['sex'], numerator: number, denominator: number): ComputedFigure => ({
  sex,
  value: (numerator / denominator) * 100,
  numerator,
  denominator,
});

/**
 * Sections with a woman among the leaders in post on `day` (any post of the register: trưởng or phó, "có lãnh
 * đạo là nữ"), over the sections with at least one leader of known sex in post then. A section whose register is
 * empty on that day is not counted either way; no figure when none is known.
 */
export function femaleSectionLeaderShare(
  sections: readonly { terms: readonly LeadershipTerm[] }[],
  day: string,
): ComputedFigure[] {
  const known = sections
    .map((s) => termsOn(s.terms, day).filter((t) => t.holderSex !== null))
    .filter((terms) => terms.length > 0);
  if (known.length === 0) return [];
  const withWoman = known.filter((terms) => terms.some((t) => t.holderSex === 'female')).length;
  return [share('total', withWoman, known.length)];
}

/** The latest staff count on or before `day`, or null. */
export function staffOn(staff: readonly StaffCount[], day: string): StaffCount | null {
  let best: StaffCount | null = null;
  for (const s of staff) if (s.asOf <= day && (!best || s.asOf > best.asOf)) best = s;
  return best;
}

/**
 * Staff reached by the trainings of a period, by sex, over the staff in post at its end (the latest count on or
 * before it). The log counts attendances, not persons: one person at two trainings counts twice, so the reach of
 * each sex is capped at its staff and the figure is an upper bound. A training without a split by sex adds nothing.
 * No figure without a staff count; no figure for a sex with no staff.
 */
export function staffTrainedShare(
  activities: readonly ActivityRecord[],
  staff: readonly StaffCount[],
  day: string,
): ComputedFigure[] {
  const count = staffOn(staff, day);
  if (!count || count.female + count.male === 0) return [];
  const trainings = activities.filter((a) => a.kind === 'training');
  const reachedFemale = Math.min(
    trainings.reduce((n, a) => n + (a.participantsFemale ?? 0), 0),
    count.female,
  );
  const reachedMale = Math.min(
    trainings.reduce((n, a) => n + (a.participantsMale ?? 0), 0),
    count.male,
  );
  return [
    ...(count.female > 0 ? [share('female', reachedFemale, count.female)] : []),
    ...(count.male > 0 ? [share('male', reachedMale, count.male)] : []),
    share('total', reachedFemale + reachedMale, count.female + count.male),
  ];
}

/** Parses a stored computation; null for an entered indicator or an unknown shape. */
export function parseComputation(raw: unknown): Computation | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const activity = ACTIVITY_KINDS.includes(r.activity as ActivityKind) ? (r.activity as ActivityKind) : null;
  switch (r.kind) {
    case 'female_key_leader_share':
    case 'training_participants':
    case 'female_section_leader_share':
    case 'staff_trained_share':
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
