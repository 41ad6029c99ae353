import { describe, expect, it } from 'vitest';
import {
  cyclesFor,
  dayBefore,
  daysAfter,
  deadlineCycles,
  DEFAULT_DEFINITIONS,
  DEFAULT_REPORTING_SETTINGS,
  isMonthDay,
  regimeOf,
  reportingSettings,
  type PlanDeadline,
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
    ['annual', '12-15', '12-14', '11-30'],
    ['mid-term', '12-15', '12-14', '11-30'],
    ['final', '12-15', '12-14', '11-30'],
    ['other', '12-15', '12-14', '11-30'],
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

  it('gives an annual report every year, due 30/11 (the day before "trước 01/12")', () => {
    const annual = cyclesFor(definition('annual'), 2026, 2030);
    expect(annual.map((c) => [c.period, c.cutoffFrom, c.cutoffTo, c.due])).toEqual([
      ['2026', '2025-12-15', '2026-12-14', '2026-11-30'],
      ['2027', '2026-12-15', '2027-12-14', '2027-11-30'],
      ['2028', '2027-12-15', '2028-12-14', '2028-11-30'],
      ['2029', '2028-12-15', '2029-12-14', '2029-11-30'],
      ['2030', '2029-12-15', '2030-12-14', '2030-11-30'],
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
        due: '2028-11-30',
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
    const all = DEFAULT_DEFINITIONS.filter((d) => d.kind !== 'other').flatMap((d) =>
      cyclesFor(d, 2027, 2027),
    );
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

describe('dayBefore and isMonthDay', () => {
  it.each([
    ['2024-05-30', '2024-05-29'],
    ['2026-12-01', '2026-11-30'],
    ['2027-01-01', '2026-12-31'],
    ['2028-03-01', '2028-02-29'],
    ['2027-03-01', '2027-02-28'],
  ])('the day before %s is %s', (day, before) => {
    expect(dayBefore(day)).toBe(before);
  });

  it.each([
    ['02-29', true],
    ['02-30', false],
    ['04-31', false],
    ['12-31', true],
    ['1-05', false],
    ['13-01', false],
  ])('%s is a month-day: %s', (md, ok) => {
    expect(isMonthDay(md)).toBe(ok);
  });
});

describe('reportingSettings', () => {
  it('defaults to no 6-month report, 6-month due 05/6, annual due 30/11', () => {
    expect(reportingSettings({})).toEqual({ sixMonth: false, sixMonthDue: '06-05', annualDue: '11-30' });
    expect(reportingSettings(null)).toEqual(DEFAULT_REPORTING_SETTINGS);
  });

  it('keeps what is well formed and defaults the rest', () => {
    expect(reportingSettings({ sixMonth: true, sixMonthDue: '05-29', annualDue: '02-30' })).toEqual({
      sixMonth: true,
      sixMonthDue: '05-29',
      annualDue: '11-30',
    });
    expect(reportingSettings({ sixMonth: 'yes', annualDue: 1130 })).toEqual(DEFAULT_REPORTING_SETTINGS);
  });
});

describe('deadlineCycles', () => {
  it('reads "trước ngày 30/5/2024" as due 29/5/2024, once', () => {
    expect(deadlineCycles({ report: '6-month', due: '2024-05-30', before: true }, 2024, 2024)).toEqual([
      {
        kind: '6-month',
        year: 2024,
        period: '2024-H1',
        cutoffFrom: '2023-12-15',
        cutoffTo: '2024-06-14',
        due: '2024-05-29',
      },
    ]);
  });

  it('keeps a date written without "trước" as it is', () => {
    expect(deadlineCycles({ report: 'annual', due: '2026-12-01' }, 2026, 2030).map((c) => c.due)).toEqual([
      '2026-12-01',
    ]);
  });

  it('repeats a yearly deadline on its month-day every year of the plan, the day before with "trước"', () => {
    const cycles = deadlineCycles(
      { report: 'annual', due: '2026-12-01', before: true, recurrence: 'yearly' },
      2026,
      2030,
    );
    expect(cycles.map((c) => [c.period, c.due])).toEqual([
      ['2026', '2026-11-30'],
      ['2027', '2027-11-30'],
      ['2028', '2028-11-30'],
      ['2029', '2029-11-30'],
      ['2030', '2030-11-30'],
    ]);
  });

  it('moves "trước 01/3" to 29/2 in a leap year and 28/2 otherwise', () => {
    const dues = deadlineCycles(
      { report: 'other', due: '2027-03-01', before: true, recurrence: 'yearly' },
      2027,
      2028,
    ).map((c) => c.due);
    expect(dues).toEqual(['2027-02-28', '2028-02-29']);
  });

  it('puts 29/2 on 28/2 in a year without it', () => {
    const dues = deadlineCycles({ report: 'other', due: '2028-02-29', recurrence: 'yearly' }, 2028, 2029).map(
      (c) => c.due,
    );
    expect(dues).toEqual(['2028-02-29', '2029-02-28']);
  });

  it('gives a yearly deadline without a date the province default of its kind', () => {
    const settings = { sixMonth: false, sixMonthDue: '06-10', annualDue: '12-05' };
    expect(
      deadlineCycles({ report: 'annual', due: null, recurrence: 'yearly' }, 2026, 2027, settings).map(
        (c) => c.due,
      ),
    ).toEqual(['2026-12-05', '2027-12-05']);
    expect(
      deadlineCycles({ report: '6-month', due: null, recurrence: 'yearly' }, 2026, 2027, settings).map(
        (c) => c.due,
      ),
    ).toEqual(['2026-06-10', '2027-06-10']);
    expect(
      deadlineCycles({ report: 'annual', due: null, recurrence: 'yearly' }, 2026, 2026).map((c) => c.due),
    ).toEqual(['2026-11-30']);
  });

  it('places a report the plan puts in a year once, on the default day ("sơ kết giữa kỳ vào năm 2028")', () => {
    expect(deadlineCycles({ report: 'mid-term', due: null, year: 2028 }, 2026, 2030)).toEqual([
      {
        kind: 'mid-term',
        year: 2028,
        period: '2028',
        cutoffFrom: '2027-12-15',
        cutoffTo: '2028-12-14',
        due: '2028-11-30',
      },
    ]);
  });

  it('reports a dated deadline on its year, kept within the plan, unless the plan names the year', () => {
    const once = (d: Partial<PlanDeadline>) =>
      deadlineCycles({ report: 'final', due: null, ...d }, 2026, 2030).map((c) => [c.year, c.due]);
    expect(once({ due: '2031-01-15', before: true })).toEqual([[2030, '2031-01-14']]);
    expect(once({ due: '2025-12-20' })).toEqual([[2026, '2025-12-20']]);
    expect(once({ due: '2028-06-30', year: 2027 })).toEqual([[2027, '2028-06-30']]);
    expect(once({ due: '2028-06-30', recurrence: 'once' })).toEqual([[2028, '2028-06-30']]);
  });

  it('makes nothing of a deadline with neither date, year nor recurrence', () => {
    expect(deadlineCycles({ report: 'annual', due: null }, 2026, 2030)).toEqual([]);
  });
});

describe('regimeOf', () => {
  const kinds = (r: ReturnType<typeof regimeOf>) =>
    r.flatMap((d) => d.cycles.map((c) => `${d.kind} ${c.period} ${c.due}`));

  it('gives a plan without deadlines annual reports only, due 30/11', () => {
    const regime = regimeOf({ from: 2026, to: 2028 }, []);
    expect(kinds(regime)).toEqual([
      'annual 2026 2026-11-30',
      'annual 2027 2027-11-30',
      'annual 2028 2028-11-30',
    ]);
    expect(regime[0]).toMatchObject({ kind: 'annual', dueMonthDay: '11-30', cutoffStart: '12-15' });
  });

  it('adds 6-month reports when the province asks for them, on its day', () => {
    const settings = { sixMonth: true, sixMonthDue: '06-15', annualDue: '12-10' };
    expect(kinds(regimeOf({ from: 2026, to: 2027 }, [], settings))).toEqual([
      '6-month 2026-H1 2026-06-15',
      '6-month 2027-H1 2027-06-15',
      'annual 2026 2026-12-10',
      'annual 2027 2027-12-10',
    ]);
  });

  it('reads seed 004: annual every year, the mid-term review in 2028, the final in 2030, no 6-month', () => {
    const regime = regimeOf({ from: 2026, to: 2030 }, [
      { report: 'annual', due: null, recurrence: 'yearly' },
      { report: 'mid-term', due: null, year: 2028 },
      { report: 'final', due: null, year: 2030 },
    ]);
    expect(regime.map((d) => d.kind)).toEqual(['annual', 'mid-term', 'final']);
    expect(kinds(regime)).toEqual([
      'annual 2026 2026-11-30',
      'annual 2027 2027-11-30',
      'annual 2028 2028-11-30',
      'annual 2029 2029-11-30',
      'annual 2030 2030-11-30',
      'mid-term 2028 2028-11-30',
      'final 2030 2030-11-30',
    ]);
  });

  it('reads seed 001: "Báo cáo 06 tháng trước ngày 30/5/2024; báo cáo năm trước ngày 30/11/2024"', () => {
    const regime = regimeOf({ from: 2024, to: 2024 }, [
      { report: '6-month', due: '2024-05-30', before: true },
      { report: 'annual', due: '2024-11-30', before: true },
    ]);
    expect(kinds(regime)).toEqual(['6-month 2024-H1 2024-05-29', 'annual 2024 2024-11-29']);
    expect(regime.map((d) => d.dueMonthDay)).toEqual(['05-29', '11-29']);
  });

  it('does not add the province 6-month report to a plan that dates its own', () => {
    const regime = regimeOf(
      { from: 2024, to: 2024 },
      [{ report: '6-month', due: '2024-05-30', before: true }],
      { ...DEFAULT_REPORTING_SETTINGS, sixMonth: true },
    );
    expect(kinds(regime)).toEqual(['6-month 2024-H1 2024-05-29']);
  });

  it('keeps one cycle per kind and year, the first deadline winning', () => {
    const regime = regimeOf({ from: 2026, to: 2027 }, [
      { report: 'other', due: '2026-03-01' },
      { report: 'other', due: '2026-09-01' },
      { report: 'other', due: '2027-09-01' },
    ]);
    expect(kinds(regime)).toEqual(['other 2026 2026-03-01', 'other 2027 2027-09-01']);
  });

  it('follows a plan that dates only some reports, without adding annual ones', () => {
    expect(kinds(regimeOf({ from: 2026, to: 2030 }, [{ report: 'final', due: null, year: 2030 }]))).toEqual([
      'final 2030 2030-11-30',
    ]);
  });
});
