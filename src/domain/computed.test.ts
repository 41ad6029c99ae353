import { describe, expect, it } from 'vitest';
import {
  computeUnitFigures,
  femaleSectionLeaderShare,
  parseComputation,
  staffOn,
  staffTrainedShare,
  termsOn,
  type ActivityRecord,
  type LeadershipTerm,
} from './computed.js';

const term = (
  holderSex: LeadershipTerm['holderSex'],
  fromDate: string,
  toDate: string | null,
  isKeyLeader = true,
): LeadershipTerm => ({ isKeyLeader, holderSex, fromDate, toDate });

const activity = (
  kind: ActivityRecord['kind'],
  date: string,
  participantsFemale: number | null = null,
  participantsMale: number | null = null,
): ActivityRecord => ({ kind, date, participantsFemale, participantsMale });

const none = { terms: [], activities: [] };

describe('termsOn', () => {
  const terms = [term('male', '2021-01-01', '2024-06-30'), term('female', '2024-07-01', null)];
  it.each([
    ['2020-12-31', []],
    ['2021-01-01', ['male']],
    ['2024-06-30', ['male']],
    ['2024-07-01', ['female']],
    ['2030-01-01', ['female']],
  ])('on %s: %j', (day, sexes) => {
    expect(termsOn(terms, day).map((t) => t.holderSex)).toEqual(sexes);
  });
});

describe('female_key_leader_share', () => {
  const c = { kind: 'female_key_leader_share' } as const;
  const year = (terms: LeadershipTerm[], y: number) =>
    computeUnitFigures(c, { terms, activities: [] }, `${y}-01-01`, `${y}-12-31`);

  it('is 100 (1/1) when a woman holds a key post at the end of the period', () => {
    const terms = [term('male', '2021-01-01', '2025-06-30'), term('female', '2025-07-01', null)];
    expect(year(terms, 2025)).toEqual([{ sex: 'total', value: 100, numerator: 1, denominator: 1 }]);
    expect(year(terms, 2024)).toEqual([{ sex: 'total', value: 0, numerator: 0, denominator: 1 }]);
  });

  it('counts a woman in any key post, not in a post that is not key', () => {
    const both = [term('male', '2021-01-01', null), term('female', '2021-01-01', null)];
    expect(year(both, 2025)[0]).toMatchObject({ value: 100, numerator: 1 });
    const notKey = [term('male', '2021-01-01', null), term('female', '2021-01-01', null, false)];
    expect(year(notKey, 2025)[0]).toMatchObject({ value: 0, numerator: 0 });
  });

  it('has nothing to count when no key post is held on that day, or its holder is not recorded', () => {
    expect(year([], 2025)).toEqual([]);
    expect(year([term('female', '2026-01-01', null)], 2025)).toEqual([]);
    expect(year([term(null, '2021-01-01', null)], 2025)).toEqual([]);
    expect(year([term('female', '2021-01-01', null, false)], 2025)).toEqual([]);
  });
});

describe('activity_count', () => {
  const c = { kind: 'activity_count', activity: 'communication' } as const;
  const records = {
    terms: [],
    activities: [
      activity('communication', '2025-09-30'),
      activity('communication', '2025-10-01'),
      activity('communication', '2025-12-31'),
      activity('event', '2025-11-15'),
      activity('communication', '2026-01-01'),
    ],
  };

  it('counts the unit’s activities of the kind inside the period, bounds included', () => {
    expect(computeUnitFigures(c, records, '2025-10-01', '2025-12-31')).toEqual([
      { sex: 'total', value: 2, numerator: null, denominator: null },
    ]);
    expect(computeUnitFigures(c, records, '2025-07-01', '2025-09-30')[0]!.value).toBe(1);
  });

  it('is 0, not nothing, for a period without any', () => {
    expect(computeUnitFigures(c, none, '2025-01-01', '2025-03-31')).toEqual([
      { sex: 'total', value: 0, numerator: null, denominator: null },
    ]);
  });
});

describe('units_with_min_activities', () => {
  const c = { kind: 'units_with_min_activities', activity: 'training', min: 2 } as const;
  it.each([
    [0, { value: 0, numerator: 0 }],
    [1, { value: 0, numerator: 0 }],
    [2, { value: 100, numerator: 1 }],
    [5, { value: 100, numerator: 1 }],
  ])('with %i trainings: %j', (n, figure) => {
    const activities = Array.from({ length: n }, (_, i) => activity('training', `2025-0${i + 1}-10`));
    // Activities of another kind never count.
    activities.push(activity('meeting', '2025-02-02'), activity('meeting', '2025-03-03'));
    expect(computeUnitFigures(c, { terms: [], activities }, '2025-01-01', '2025-12-31')).toEqual([
      { sex: 'total', ...figure, denominator: 1 },
    ]);
  });
});

describe('activities read summed per period (count)', () => {
  // The log as SQL sums it: one record per unit, kind and period, standing for `count` activities.
  const summed = (kind: ActivityRecord['kind'], date: string, count: number): ActivityRecord => ({
    ...activity(kind, date),
    count,
  });
  it('counts what each record stands for, not the records', () => {
    const activities = [summed('communication', '2025-01-01', 3), summed('communication', '2025-04-01', 2)];
    const year = computeUnitFigures(
      { kind: 'activity_count', activity: 'communication' },
      { terms: [], activities },
      '2025-01-01',
      '2025-12-31',
    );
    expect(year).toEqual([{ sex: 'total', value: 5, numerator: null, denominator: null }]);
  });
  it('reaches a minimum on one record standing for enough activities', () => {
    const c = { kind: 'units_with_min_activities', activity: 'training', min: 2 } as const;
    const figures = (count: number) =>
      computeUnitFigures(
        c,
        { terms: [], activities: [summed('training', '2025-07-01', count)] },
        '2025-07-01',
        '2025-09-30',
      );
    expect(figures(2)).toEqual([{ sex: 'total', value: 100, numerator: 1, denominator: 1 }]);
    expect(figures(1)).toEqual([{ sex: 'total', value: 0, numerator: 0, denominator: 1 }]);
  });
});

describe('training_participants', () => {
  const c = { kind: 'training_participants' } as const;
  it('adds participants by sex over the trainings of the period, missing counts as 0', () => {
    const activities = [
      activity('training', '2025-03-01', 40, 25),
      activity('training', '2025-06-01', 10, null),
      activity('event', '2025-06-02', 500, 500),
      activity('training', '2026-01-01', 7, 7),
    ];
    expect(computeUnitFigures(c, { terms: [], activities }, '2025-01-01', '2025-12-31')).toEqual([
      { sex: 'female', value: 50, numerator: null, denominator: null },
      { sex: 'male', value: 25, numerator: null, denominator: null },
      { sex: 'total', value: 75, numerator: null, denominator: null },
    ]);
  });
});

describe('parseComputation', () => {
  it.each([
    [{ kind: 'female_key_leader_share' }, { kind: 'female_key_leader_share' }],
    [{ kind: 'training_participants', extra: 1 }, { kind: 'training_participants' }],
    [{ kind: 'female_section_leader_share' }, { kind: 'female_section_leader_share' }],
    [{ kind: 'staff_trained_share' }, { kind: 'staff_trained_share' }],
    [
      { kind: 'activity_count', activity: 'communication' },
      { kind: 'activity_count', activity: 'communication' },
    ],
    [
      { kind: 'units_with_min_activities', activity: 'inspection', min: 3 },
      { kind: 'units_with_min_activities', activity: 'inspection', min: 3 },
    ],
    [{ kind: 'activity_count', activity: 'party' }, null],
    [{ kind: 'activity_count' }, null],
    [{ kind: 'units_with_min_activities', activity: 'training', min: '3' }, null],
    [{ kind: 'units_with_min_activities', activity: 'training' }, null],
    [{ kind: 'weather' }, null],
    [null, null],
    ['activity_count', null],
    [42, null],
  ])('%j → %j', (raw, parsed) => {
    expect(parseComputation(raw)).toEqual(parsed);
  });
});

describe('female_section_leader_share (phòng, ban, trung tâm có lãnh đạo là nữ)', () => {
  const sections = [
    // A woman heads it from mid-2024.
    { terms: [term('male', '2020-01-01', '2024-06-30'), term('female', '2024-07-01', null)] },
    // A man heads it, a woman is deputy (not a key-leader post): it has a woman among its leaders.
    { terms: [term('male', '2020-01-01', null), term('female', '2022-01-01', null, false)] },
    // Men only.
    { terms: [term('male', '2020-01-01', null), term('male', '2021-01-01', null, false)] },
    // Nothing in the register: not counted.
    { terms: [] },
    // A post whose holder's sex is not given: not counted.
    { terms: [term(null, '2020-01-01', null)] },
  ];

  it('counts the sections with a woman among the leaders in post at the end of the period', () => {
    const share = (day: string) => femaleSectionLeaderShare(sections, day);
    expect(share('2023-12-31')).toEqual([
      { sex: 'total', value: (1 / 3) * 100, numerator: 1, denominator: 3 },
    ]);
    expect(share('2024-12-31')).toEqual([
      { sex: 'total', value: (2 / 3) * 100, numerator: 2, denominator: 3 },
    ]);
    expect(
      computeUnitFigures(
        { kind: 'female_section_leader_share' },
        { ...none, sections },
        '2024-01-01',
        '2024-12-31',
      ),
    ).toEqual(share('2024-12-31'));
  });

  it('has no figure when no section has a leader of known sex', () => {
    expect(femaleSectionLeaderShare([], '2024-12-31')).toEqual([]);
    expect(femaleSectionLeaderShare(sections.slice(3), '2024-12-31')).toEqual([]);
    expect(femaleSectionLeaderShare(sections, '2019-12-31')).toEqual([]);
    expect(
      computeUnitFigures({ kind: 'female_section_leader_share' }, none, '2024-01-01', '2024-12-31'),
    ).toEqual([]);
  });
});

describe('staff_trained_share (cán bộ được tập huấn, phổ biến)', () => {
  const staff = [
    { asOf: '2023-12-31', female: 10, male: 10 },
    { asOf: '2024-12-31', female: 12, male: 8 },
  ];

  it('reads the latest staff count on or before the day', () => {
    expect(staffOn(staff, '2023-12-30')).toBeNull();
    expect(staffOn(staff, '2024-06-30')).toEqual(staff[0]);
    expect(staffOn([...staff].reverse(), '2025-01-01')).toEqual(staff[1]);
  });

  it('compares the participants of trainings by sex with the staff, per sex and in all', () => {
    const acts = [
      activity('training', '2024-03-08', 6, 2),
      activity('training', '2024-11-20', 3, 2),
      activity('communication', '2024-05-01', 50, 50),
    ];
    expect(staffTrainedShare(acts, staff, '2024-12-31')).toEqual([
      { sex: 'female', value: 75, numerator: 9, denominator: 12 },
      { sex: 'male', value: 50, numerator: 4, denominator: 8 },
      { sex: 'total', value: 65, numerator: 13, denominator: 20 },
    ]);
    expect(
      computeUnitFigures(
        { kind: 'staff_trained_share' },
        { ...none, activities: acts, staff },
        '2024-01-01',
        '2024-12-31',
      ),
    ).toEqual(staffTrainedShare(acts, staff, '2024-12-31'));
  });

  it('caps each sex at its staff: the log counts attendances, not persons', () => {
    const acts = [activity('training', '2024-03-08', 10, 3), activity('training', '2024-09-08', 10, 3)];
    expect(staffTrainedShare(acts, staff, '2024-12-31')).toEqual([
      { sex: 'female', value: 100, numerator: 12, denominator: 12 },
      { sex: 'male', value: 75, numerator: 6, denominator: 8 },
      { sex: 'total', value: 90, numerator: 18, denominator: 20 },
    ]);
  });

  it('adds nothing for a training without a split by sex; 0% when nobody was trained', () => {
    expect(staffTrainedShare([activity('training', '2024-03-08')], staff, '2024-12-31').at(-1)).toEqual({
      sex: 'total',
      value: 0,
      numerator: 0,
      denominator: 20,
    });
    expect(
      computeUnitFigures(
        { kind: 'staff_trained_share' },
        { ...none, activities: [activity('training', '2023-03-08', 5, 5)], staff },
        '2024-01-01',
        '2024-12-31',
      ).at(-1)?.value,
    ).toBe(0);
  });

  it('has no figure without a staff count, and none for a sex without staff', () => {
    const acts = [activity('training', '2024-03-08', 3, 0)];
    expect(staffTrainedShare(acts, [], '2024-12-31')).toEqual([]);
    expect(staffTrainedShare(acts, [{ asOf: '2024-01-01', female: 0, male: 0 }], '2024-12-31')).toEqual([]);
    expect(staffTrainedShare(acts, [{ asOf: '2024-01-01', female: 4, male: 0 }], '2024-12-31')).toEqual([
      { sex: 'female', value: 75, numerator: 3, denominator: 4 },
      { sex: 'total', value: 75, numerator: 3, denominator: 4 },
    ]);
  });
});
