/**
 * Reporting cycles of a plan (docs/DOMAIN.md §4), from the deadlines the plan writes (`regimeOf`): "trước ngày X"
 * is due the day before X, a yearly deadline recurs every year of the plan, a deadline placed in a year ("sơ kết
 * giữa kỳ vào năm 2028") occurs once. A plan without deadlines owes annual reports; 6-month reports only where
 * the plan or its province's settings ask for them. Every date is stored per cycle and editable afterwards.
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
    dueMonthDay: '11-30',
  },
  {
    kind: 'mid-term',
    title: 'Báo cáo sơ kết giữa kỳ thực hiện Kế hoạch',
    content: 'Sơ kết kết quả thực hiện Kế hoạch giữa giai đoạn, đề xuất điều chỉnh',
    frequency: 'Một lần, giữa giai đoạn',
    cutoffStart: '12-15',
    cutoffEnd: '12-14',
    dueMonthDay: '11-30',
  },
  {
    kind: 'final',
    title: 'Báo cáo tổng kết thực hiện Kế hoạch',
    content: 'Tổng kết kết quả thực hiện Kế hoạch cả giai đoạn',
    frequency: 'Một lần, cuối giai đoạn',
    cutoffStart: '12-15',
    cutoffEnd: '12-14',
    dueMonthDay: '11-30',
  },
  {
    kind: 'other',
    title: 'Báo cáo chuyên đề, đột xuất theo Kế hoạch',
    content: 'Kết quả thực hiện nội dung chuyên đề hoặc yêu cầu đột xuất theo Kế hoạch',
    frequency: 'Theo yêu cầu của Kế hoạch',
    cutoffStart: '12-15',
    cutoffEnd: '12-14',
    dueMonthDay: '11-30',
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

/** A deadline as the plan writes it (binhdang.plan/1 `deadlines`, stored in plan_deadlines). */
export interface PlanDeadline {
  report: ReportKind;
  /** The written date (ISO); null when the plan names the report but no date. */
  due: string | null;
  /** "trước ngày X": due the day before X. */
  before?: boolean | null;
  /** `yearly`: every year of the plan; `once` or absent: that date (or `year`) only. */
  recurrence?: 'yearly' | 'once' | null;
  /** The year of a report the plan places without a date. */
  year?: number | null;
}

/** What a province asks of the plans it owns (unit_settings.reporting). */
export interface ReportingSettings {
  /** 6-month reports for every plan of the province, even where the plan does not ask for them. */
  sixMonth: boolean;
  /** Month-day of a 6-month report whose deadline the plan does not date ("06-05"). */
  sixMonthDue: string;
  /** Month-day of an annual (and review) report whose deadline the plan does not date ("11-30"). */
  annualDue: string;
}

/**
 * Without settings: no 6-month reports; 6-month due 05/6 (project choice); annual due 30/11, the day before
 * "trước 01/12" as a 2026 office plan writes it.
 */
export const DEFAULT_REPORTING_SETTINGS: ReportingSettings = {
  sixMonth: false,
  sixMonthDue: '06-05',
  annualDue: '11-30',
};

/** True for a month-day "MM-DD" that exists in some year (02-29 included). */
export function isMonthDay(md: string): boolean {
  if (!MONTH_DAY.test(md)) return false;
  const [m, d] = md.split('-').map(Number) as [number, number];
  return d <= daysInMonth(2000, m);
}

/** A province's stored settings read leniently: what is missing or malformed takes the default. */
export function reportingSettings(raw: unknown): ReportingSettings {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const md = (v: unknown, fallback: string) => (typeof v === 'string' && isMonthDay(v) ? v : fallback);
  return {
    sixMonth: typeof r.sixMonth === 'boolean' ? r.sixMonth : DEFAULT_REPORTING_SETTINGS.sixMonth,
    sixMonthDue: md(r.sixMonthDue, DEFAULT_REPORTING_SETTINGS.sixMonthDue),
    annualDue: md(r.annualDue, DEFAULT_REPORTING_SETTINGS.annualDue),
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO day before `day`. */
export function dayBefore(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The ISO day after `day`: the written date of "trước ngày X" for a report due on `day`. */
export function dayAfter(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** `md` in `year`; 29/2 falls on 28/2 in a year that has none. */
function onYear(year: number, md: string): string {
  const [m, d] = md.split('-').map(Number) as [number, number];
  return `${year}-${pad(m)}-${pad(Math.min(d, daysInMonth(year, m)))}`;
}

/** The default due month-day of a kind when the plan does not date it: the province's settings. */
function defaultDue(kind: ReportKind, settings: ReportingSettings): string {
  return kind === '6-month' ? settings.sixMonthDue : settings.annualDue;
}

/** One report definition of a plan's regime and its cycles. */
export interface RegimeDefinition {
  kind: ReportKind;
  /** The month-day of its first deadline: the definition's default for cycles added later. */
  dueMonthDay: string;
  cutoffStart: string;
  cutoffEnd: string;
  cycles: CycleDates[];
}

const periodOf = (kind: ReportKind, year: number) => (kind === '6-month' ? `${year}-H1` : String(year));

function cycleOn(kind: ReportKind, year: number, due: string): CycleDates {
  const d = defaultsOf(kind);
  return {
    kind,
    year,
    period: periodOf(kind, year),
    cutoffFrom: `${d.cutoffStart > d.cutoffEnd ? year - 1 : year}-${d.cutoffStart}`,
    cutoffTo: `${year}-${d.cutoffEnd}`,
    due,
  };
}

function defaultsOf(kind: ReportKind): DefinitionDefaults {
  return DEFAULT_DEFINITIONS.find((d) => d.kind === kind)!;
}

/**
 * The cycles one deadline makes over a plan of `from`–`to`:
 * - yearly: every year of the plan, on the written month-day (the day before with `before`), or on the
 *   province's default for the kind when the plan writes no date;
 * - otherwise once: in `year` when given (on the written date, else the default month-day), else in the year of
 *   the written date, the report's year kept within the plan ("báo cáo năm trước ngày 15/01/2031" of a plan
 *   ending in 2030 reports on 2030).
 */
export function deadlineCycles(
  deadline: PlanDeadline,
  from: number,
  to: number,
  settings: ReportingSettings = DEFAULT_REPORTING_SETTINGS,
): CycleDates[] {
  const { report: kind } = deadline;
  const shift = (day: string) => (deadline.before ? dayBefore(day) : day);
  if (deadline.recurrence === 'yearly') {
    const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    return years.map((year) =>
      cycleOn(
        kind,
        year,
        deadline.due ? shift(onYear(year, deadline.due.slice(5))) : onYear(year, defaultDue(kind, settings)),
      ),
    );
  }
  if (deadline.due) {
    const due = shift(deadline.due);
    const year = deadline.year ?? Math.min(Math.max(Number(due.slice(0, 4)), from), to);
    return [cycleOn(kind, year, due)];
  }
  if (deadline.year !== undefined && deadline.year !== null) {
    return [cycleOn(kind, deadline.year, onYear(deadline.year, defaultDue(kind, settings)))];
  }
  return [];
}

/**
 * A plan's reporting regime: the definitions and cycles its deadlines make (one definition per kind, one cycle
 * per kind and year, the first deadline winning a year), plus
 * - annual reports every year when the plan writes no deadline at all;
 * - 6-month reports every year when the province's settings ask for them and the plan has none.
 * Definitions come in the order of DEFAULT_DEFINITIONS, cycles by date.
 */
export function regimeOf(
  plan: { from: number; to: number },
  deadlines: readonly PlanDeadline[],
  settings: ReportingSettings = DEFAULT_REPORTING_SETTINGS,
): RegimeDefinition[] {
  const all: PlanDeadline[] = [...deadlines];
  if (deadlines.length === 0) all.push({ report: 'annual', due: null, recurrence: 'yearly' });
  if (settings.sixMonth && !all.some((d) => d.report === '6-month')) {
    all.push({ report: '6-month', due: null, recurrence: 'yearly' });
  }
  const out: RegimeDefinition[] = [];
  for (const kind of REPORT_KINDS) {
    const byYear = new Map<number, CycleDates>();
    for (const d of all.filter((x) => x.report === kind)) {
      for (const c of deadlineCycles(d, plan.from, plan.to, settings)) {
        if (!byYear.has(c.year)) byYear.set(c.year, c);
      }
    }
    if (byYear.size === 0) continue;
    const cycles = [...byYear.values()].sort((a, b) => a.due.localeCompare(b.due));
    const defaults = defaultsOf(kind);
    out.push({
      kind,
      dueMonthDay: cycles[0]!.due.slice(5),
      cutoffStart: defaults.cutoffStart,
      cutoffEnd: defaults.cutoffEnd,
      cycles,
    });
  }
  return out;
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
