/**
 * Reporting cycles of a plan (docs/DOMAIN.md §4): 6-month and annual every year, the mid-term review (sơ kết)
 * in the middle year and the final review (tổng kết) in the last year. Defaults only: every date is stored per
 * cycle and editable, since deadlines change every year.
 */

export const REPORT_KINDS = ['6-month', 'annual', 'mid-term', 'final', 'other'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface DefinitionDefaults {
  kind: ReportKind;
  title: string;
  content: string;
  frequency: string;
  /** Month-day of the cut-off window's start, in the previous year ("12-15"). */
  cutoffStart: string;
  /** Month-day of the cut-off window's end ("06-14"). */
  cutoffEnd: string;
  /** Month-day of the deadline for units' reports to Sở Nội vụ. */
  dueMonthDay: string;
}

/** Defaults from docs/DOMAIN.md §4 (cut-offs "check": the common practice, kept as editable data). */
export const DEFAULT_DEFINITIONS: readonly DefinitionDefaults[] = [
  {
    kind: '6-month',
    title: 'Báo cáo kết quả thực hiện công tác bình đẳng giới 6 tháng đầu năm',
    content: 'Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ về bình đẳng giới 6 tháng đầu năm',
    frequency: 'Định kỳ 6 tháng',
    cutoffStart: '12-15',
    cutoffEnd: '06-14',
    dueMonthDay: '06-05',
  },
  {
    kind: 'annual',
    title: 'Báo cáo kết quả thực hiện công tác bình đẳng giới năm',
    content: 'Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ về bình đẳng giới trong năm',
    frequency: 'Định kỳ hằng năm',
    cutoffStart: '12-15',
    cutoffEnd: '12-14',
    dueMonthDay: '12-01',
  },
  {
    kind: 'mid-term',
    title: 'Báo cáo sơ kết giữa kỳ thực hiện Kế hoạch',
    content: 'Sơ kết kết quả thực hiện Kế hoạch giữa giai đoạn, đề xuất điều chỉnh',
    frequency: 'Một lần, giữa giai đoạn',
    cutoffStart: '12-15',
    cutoffEnd: '12-14',
    dueMonthDay: '12-01',
  },
  {
    kind: 'final',
    title: 'Báo cáo tổng kết thực hiện Kế hoạch',
    content: 'Tổng kết kết quả thực hiện Kế hoạch cả giai đoạn',
    frequency: 'Một lần, cuối giai đoạn',
    cutoffStart: '12-15',
    cutoffEnd: '12-14',
    dueMonthDay: '12-01',
  },
];

export interface CycleDates {
  kind: ReportKind;
  year: number;
  period: string;
  cutoffFrom: string;
  cutoffTo: string;
  due: string;
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The year of the mid-term review of a plan: the middle of its period (2028 for 2026–2030). */
export function midTermYear(from: number, to: number): number {
  return from + Math.floor((to - from) / 2);
}

/** Cycles of one definition over the plan's years. */
export function cyclesFor(
  def: Pick<DefinitionDefaults, 'kind' | 'cutoffStart' | 'cutoffEnd' | 'dueMonthDay'>,
  from: number,
  to: number,
): CycleDates[] {
  for (const md of [def.cutoffStart, def.cutoffEnd, def.dueMonthDay]) {
    if (!MONTH_DAY.test(md)) throw new Error(`Invalid month-day "${md}"`);
  }
  const years =
    def.kind === 'mid-term'
      ? to - from >= 2
        ? [midTermYear(from, to)]
        : []
      : def.kind === 'final'
        ? [to]
        : Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return years.map((year) => ({
    kind: def.kind,
    year,
    period: def.kind === '6-month' ? `${year}-H1` : String(year),
    // A window that starts in December runs from the previous year.
    cutoffFrom: `${def.cutoffStart > def.cutoffEnd ? year - 1 : year}-${def.cutoffStart}`,
    cutoffTo: `${year}-${def.cutoffEnd}`,
    due: `${year}-${def.dueMonthDay}`,
  }));
}

/** Whole days from `due` to `day` (ISO dates); positive when `day` is after the deadline. */
export function daysAfter(due: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
}

/** Fixed dates of the gender-equality calendar (docs/DOMAIN.md §4) for a year. */
export function fixedDates(year: number): { start: string; end: string; title: string }[] {
  return [
    { start: `${year}-03-08`, end: `${year}-03-08`, title: 'Ngày Quốc tế Phụ nữ 8/3' },
    {
      start: `${year}-06-01`,
      end: `${year}-06-30`,
      title: 'Tháng hành động quốc gia về phòng, chống bạo lực gia đình',
    },
    { start: `${year}-06-28`, end: `${year}-06-28`, title: 'Ngày Gia đình Việt Nam 28/6' },
    { start: `${year}-10-20`, end: `${year}-10-20`, title: 'Ngày Phụ nữ Việt Nam 20/10' },
    { start: `${year}-11-09`, end: `${year}-11-09`, title: 'Ngày Pháp luật Việt Nam 9/11' },
    {
      start: `${year}-11-15`,
      end: `${year}-12-15`,
      title: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
    },
  ];
}

export type UnitReportState = 'not_submitted' | 'submitted' | 'approved' | 'accepted';

export interface Timeliness {
  state: UnitReportState;
  /** Days late: submitted after the deadline, or not submitted and the deadline has passed (counted to today). */
  daysLate: number;
  onTime: boolean;
}

/** Where a unit stands for one cycle. */
export function timelinessOf(
  submission: { status: 'draft' | 'submitted' | 'approved' | 'accepted'; submittedAt: string | null } | null,
  due: string,
  today: string,
): Timeliness {
  if (!submission || submission.status === 'draft' || !submission.submittedAt) {
    const late = daysAfter(due, today);
    return { state: 'not_submitted', daysLate: Math.max(0, late), onTime: false };
  }
  const late = daysAfter(due, submission.submittedAt.slice(0, 10));
  return { state: submission.status, daysLate: Math.max(0, late), onTime: late <= 0 };
}
