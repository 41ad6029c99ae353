import { formatDayVi } from '../../domain/partial-date.js';
import { periodWords } from '../../domain/period.js';
import { coverageWords } from '../../domain/progress-explain.js';
import type { Coverage } from '../../domain/rollup.js';

/** What the report's "units late or figures missing" paragraph rests on: nothing else is said. */
export interface DataFacts {
  /** The year the report is for. */
  year: number;
  /** For the province's report: the units owing the cycle and those that have not submitted; null otherwise. */
  submissions: { owed: number; notSubmitted: { name: string; daysLate: number }[]; due: string } | null;
  /** Each target measure: the period its figure is for, and a newer partial period when there is one. */
  measures: {
    target: string;
    latestPeriod: string | null;
    partial: { period: string; coverage: Coverage | null } | null;
  }[];
}

const listed = (codes: readonly string[]) => [...new Set(codes)].join(', ');

/** Groups targets by a key, keeping the first-seen order of keys and targets. */
function groupBy<T>(items: readonly T[], key: (item: T) => string | null, target: (item: T) => string) {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), target(item)]);
  }
  return groups;
}

/**
 * The sentences about the data of a report, each derived from the facts and only said when they hold: who has not
 * submitted (or that all have), which targets have no figure, which rest on an earlier year, which newer figures
 * are left out because too few units have reported.
 */
export function dataSentences(facts: DataFacts): string[] {
  const out: string[] = [];
  const s = facts.submissions;
  if (s && s.notSubmitted.length > 0) {
    const late = s.notSubmitted;
    out.push(
      `Đến hạn ${formatDayVi(s.due)}, còn ${late.length}/${s.owed} đơn vị chưa gửi số liệu: ` +
        late
          .slice(0, 12)
          .map((u) => (u.daysLate > 0 ? `${u.name} (chậm ${u.daysLate} ngày)` : u.name))
          .join(', ') +
        (late.length > 12 ? ` và ${late.length - 12} đơn vị khác.` : '.'),
    );
  } else if (s && s.owed > 0) {
    out.push(`Các đơn vị (${s.owed}/${s.owed}) đã gửi đầy đủ số liệu của kỳ báo cáo.`);
  }
  const none = facts.measures.filter((m) => m.latestPeriod === null && m.partial === null);
  if (none.length > 0) {
    out.push(`Chưa có số liệu được tiếp nhận cho chỉ tiêu: ${listed(none.map((m) => m.target))}.`);
  }
  const older = groupBy(
    facts.measures,
    (m) => (m.latestPeriod && Number(m.latestPeriod.slice(0, 4)) < facts.year ? m.latestPeriod : null),
    (m) => m.target,
  );
  for (const [period, targets] of older) {
    out.push(`Số liệu của chỉ tiêu ${listed(targets)} là số liệu ${periodWords(period, 'vi')}.`);
  }
  const partial = groupBy(
    facts.measures,
    (m) =>
      m.partial
        ? `${periodWords(m.partial.period, 'vi')}${m.partial.coverage ? ` mới có ${coverageWords(m.partial.coverage, 'vi')}` : ' chưa đủ'}`
        : null,
    (m) => m.target,
  );
  for (const [what, targets] of partial) {
    out.push(`Chỉ tiêu ${listed(targets)}: số liệu ${what}, chưa đủ để dùng cho đánh giá.`);
  }
  return out;
}
