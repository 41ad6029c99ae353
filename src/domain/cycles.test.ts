import { describe, expect, it } from 'vitest';
import {
  cyclesFor,
  daysAfter,
  DEFAULT_DEFINITIONS,
  fixedDates,
  midTermYear,
  REPORT_KINDS,
  timelinessOf,
  type ReportKind,
} from './cycles.js';

const definition = (kind: ReportKind) => DEFAULT_DEFINITIONS.find((d) => d.kind === kind)!;

describe('default report definitions', () => {
  it('define each report kind once, in order', () => {
    expect(DEFAULT_DEFINITIONS.map((d) => d.kind)).toEqual([...REPORT_KINDS]);
  });

  it.each([
    ['6-month', '12-15', '06-14', '06-05'],
    ['annual', '12-15', '12-14', '12-01'],
    ['mid-term', '12-15', '12-14', '12-01'],
    ['final', '12-15', '12-14', '12-01'],
  ] as const)('%s: cut-off %s → %s, due %s', (kind, start, end, due) => {
    expect(definition(kind)).toMatchObject({ cutoffStart: start, cutoffEnd: end, dueMonthDay: due });
  });
});

describe('midTermYear', () => {
  it.each([
    [2026, 2030, 2028],
    [2026, 2031, 2028],
    [2021, 2025, 2023],
    [2026, 2026, 2026],
    [2026, 2027, 2026],
  ])('%i–%i → %i', (from, to, year) => {
    expect(midTermYear(from, to)).toBe(year);
  });
});

describe('cyclesFor a 2026–2030 plan', () => {
  it('gives a 6-month report every year, its window from 15/12 of the year before', () => {
    expect(cyclesFor(definition('6-month'), 2026, 2030)).toEqual(
      [2026, 2027, 2028, 2029, 2030].map((year) => ({
        kind: '6-month',
        year,
        period: `${year}-H1`,
        cutoffFrom: `${year - 1}-12-15`,
        cutoffTo: `${year}-06-14`,
        due: `${year}-06-05`,
      })),
    );
  });

  it('gives an annual report every year, due 01/12', () => {
    const annual = cyclesFor(definition('annual'), 2026, 2030);
    expect(annual.map((c) => [c.period, c.cutoffFrom, c.cutoffTo, c.due])).toEqual([
      ['2026', '2025-12-15', '2026-12-14', '2026-12-01'],
      ['2027', '2026-12-15', '2027-12-14', '2027-12-01'],
      ['2028', '2027-12-15', '2028-12-14', '2028-12-01'],
      ['2029', '2028-12-15', '2029-12-14', '2029-12-01'],
      ['2030', '2029-12-15', '2030-12-14', '2030-12-01'],
    ]);
  });

  it('gives the mid-term review in 2028 and the final review in 2030, once each', () => {
    expect(cyclesFor(definition('mid-term'), 2026, 2030)).toEqual([
      {
        kind: 'mid-term',
        year: 2028,
        period: '2028',
        cutoffFrom: '2027-12-15',
        cutoffTo: '2028-12-14',
        due: '2028-12-01',
      },
    ]);
    expect(cyclesFor(definition('final'), 2026, 2030).map((c) => c.period)).toEqual(['2030']);
  });
});

describe('cyclesFor other periods and dates', () => {
  it('has no mid-term review for a plan shorter than three years', () => {
    expect(cyclesFor(definition('mid-term'), 2027, 2027)).toEqual([]);
    expect(cyclesFor(definition('mid-term'), 2027, 2028)).toEqual([]);
    expect(cyclesFor(definition('mid-term'), 2027, 2029).map((c) => c.year)).toEqual([2028]);
  });

  it('gives a one-year plan one report of each yearly kind and its final review', () => {
    const all = DEFAULT_DEFINITIONS.flatMap((d) => cyclesFor(d, 2027, 2027));
    expect(all.map((c) => `${c.kind} ${c.period}`)).toEqual(['6-month 2027-H1', 'annual 2027', 'final 2027']);
  });

  it('keeps a window inside one year when it starts before it ends', () => {
    const [c] = cyclesFor(
      { kind: 'annual', cutoffStart: '01-01', cutoffEnd: '12-31', dueMonthDay: '01-15' },
      2027,
      2027,
    );
    expect(c).toMatchObject({ cutoffFrom: '2027-01-01', cutoffTo: '2027-12-31', due: '2027-01-15' });
  });

  it.each(['12-32', '13-01', '00-10', '1-5', '', '06-5'])('refuses the month-day %j', (md) => {
    expect(() =>
      cyclesFor({ kind: 'annual', cutoffStart: '12-15', cutoffEnd: '12-14', dueMonthDay: md }, 2026, 2026),
    ).toThrow(`Invalid month-day "${md}"`);
  });
});

describe('daysAfter', () => {
  it.each([
    ['2026-12-01', '2026-12-01', 0],
    ['2026-12-01', '2026-12-04', 3],
    ['2026-12-01', '2026-11-26', -5],
    ['2026-12-01', '2027-12-01', 365],
    ['2028-02-28', '2028-03-01', 2],
    ['2027-02-28', '2027-03-01', 1],
  ])('from %s to %s: %i', (due, day, days) => {
    expect(daysAfter(due, day)).toBe(days);
  });
});

describe('fixedDates', () => {
  it('lists the six dates of the year in order, the Action Month from 15/11 to 15/12', () => {
    const dates = fixedDates(2027);
    expect(dates.map((d) => [d.start, d.end])).toEqual([
      ['2027-03-08', '2027-03-08'],
      ['2027-06-01', '2027-06-30'],
      ['2027-06-28', '2027-06-28'],
      ['2027-10-20', '2027-10-20'],
      ['2027-11-09', '2027-11-09'],
      ['2027-11-15', '2027-12-15'],
    ]);
    expect(dates[3]!.title).toBe('Ngày Phụ nữ Việt Nam 20/10');
    expect(dates[5]!.title).toMatch(/^Tháng hành động vì bình đẳng giới/);
  });
});

describe('timelinessOf', () => {
  const due = '2026-12-01';
  // What was sent (status, submittedAt or null for nothing at all), today → state, days late, on time.
  type Row = [string, string | null, string | null, string, string, number, boolean];
  const rows: Row[] = [
    ['nothing yet, before the deadline', null, null, '2026-11-26', 'not_submitted', 0, false],
    ['nothing yet, after the deadline', null, null, '2026-12-04', 'not_submitted', 3, false],
    ['a draft after the deadline', 'draft', null, '2026-12-04', 'not_submitted', 3, false],
    [
      'a draft returned after being sent',
      'draft',
      '2026-11-20T08:00:00Z',
      '2026-12-04',
      'not_submitted',
      3,
      false,
    ],
    [
      'submitted late on the deadline day',
      'submitted',
      '2026-12-01T23:00:00Z',
      '2026-12-10',
      'submitted',
      0,
      true,
    ],
    [
      'approved, submitted two days late',
      'approved',
      '2026-12-03T01:00:00Z',
      '2026-12-10',
      'approved',
      2,
      false,
    ],
    ['accepted, submitted early', 'accepted', '2026-11-02T01:00:00Z', '2026-12-10', 'accepted', 0, true],
  ];
  it.each(rows)('%s', (_name, status, submittedAt, today, state, daysLate, onTime) => {
    const submission = status ? { status: status as 'draft', submittedAt } : null;
    expect(timelinessOf(submission, due, today)).toEqual({ state, daysLate, onTime });
  });
});
