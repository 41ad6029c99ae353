import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAN_FORMAT_ID, parsePlanDocument, toJsonPath, type FormatIssue } from './plan-format.js';

/** The demo plan (seed 004 as binhdang.plan/1), freshly parsed so each test may mutate its copy. */
function demo(): Record<string, unknown> & {
  format: string;
  document: Record<string, unknown> & { period: { from: number; to: number } };
  goals: { code: string; targets: { code: string; measures: Record<string, unknown>[] }[] }[];
  assignments: { agency: string; role: string; targets: string[] }[];
} {
  return JSON.parse(
    fs.readFileSync(new URL('../../demo/data/lang-son-2026-2030.plan.json', import.meta.url), 'utf8'),
  ) as ReturnType<typeof demo>;
}

/** Parses and returns the issues; fails the test when the document is accepted. */
function issuesOf(input: unknown): FormatIssue[] {
  const result = parsePlanDocument(input);
  if (result.ok) throw new Error('Expected the document to be rejected');
  return result.issues;
}

function firstMeasure(doc: ReturnType<typeof demo>): Record<string, unknown> {
  const m = doc.goals[0]?.targets[0]?.measures[0];
  if (!m) throw new Error('demo plan has no first measure');
  return m;
}

describe('parsePlanDocument', () => {
  it('accepts the demo plan of Lạng Sơn 2026–2030', () => {
    const result = parsePlanDocument(demo());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const doc = result.document;
    expect(doc.format).toBe(PLAN_FORMAT_ID);
    expect(doc.document.issuer).toBe('UBND tỉnh Lạng Sơn');
    expect(doc.document.period).toEqual({ from: 2026, to: 2030 });
    expect(doc.goals).toHaveLength(6);
    expect(doc.goals.flatMap((g) => g.targets)).toHaveLength(20);
    const t43 = doc.goals.flatMap((g) => g.targets).find((t) => t.code === '4.3');
    expect(t43?.measures[0]).toMatchObject({
      comparator: '<',
      value: 18,
      unit: 'per1000',
      baseline: { value: 18 },
    });
  });

  it('rejects an unknown comparator at its path', () => {
    const doc = demo();
    firstMeasure(doc).comparator = '≥≥';
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual(['$.goals[0].targets[0].measures[0].comparator']);
  });

  it('rejects a measure without unit at its path', () => {
    const doc = demo();
    delete firstMeasure(doc).unit;
    expect(issuesOf(doc).map((i) => i.path)).toEqual(['$.goals[0].targets[0].measures[0].unit']);
  });

  it('rejects an unknown unit at its path', () => {
    const doc = demo();
    const target = doc.goals[2]?.targets[0];
    const m = target?.measures[0];
    if (!m) throw new Error('demo plan has no target 3.1');
    m.unit = 'lần';
    expect(issuesOf(doc).map((i) => i.path)).toEqual(['$.goals[2].targets[0].measures[0].unit']);
  });

  it('rejects a milestone whose value is not 1', () => {
    const doc = demo();
    const t44 = doc.goals[3]?.targets[3];
    expect(t44?.code).toBe('4.4');
    const m = t44?.measures[0];
    if (!m) throw new Error('demo plan has no target 4.4');
    expect(m.unit).toBe('milestone');
    m.value = 2;
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual(['$.goals[3].targets[3].measures[0].value']);
    expect(issues[0]?.message).toMatch(/milestone/i);
  });

  it('rejects a period that ends before it starts', () => {
    const doc = demo();
    doc.document.period = { from: 2030, to: 2026 };
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual(['$.document.period.to']);
    expect(issues[0]?.message).toContain('period.from');
  });

  it('accepts an annual plan (from = to)', () => {
    const doc = demo();
    doc.document.period = { from: 2026, to: 2026 };
    expect(parsePlanDocument(doc).ok).toBe(true);
  });

  it('rejects a duplicate target code at the second occurrence, across goals too', () => {
    const doc = demo();
    const first = doc.goals[0]?.targets[0];
    const goal6 = doc.goals[5];
    if (!first || !goal6) throw new Error('demo plan has no target 1.1 or no goal 6');
    expect(goal6.targets).toHaveLength(4);
    goal6.targets.push({ ...first, measures: [] });
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual(['$.goals[5].targets[4].code']);
    expect(issues[0]?.message).toContain('"1.1"');
  });

  it('rejects an assignment to a target the plan does not have', () => {
    const doc = demo();
    const assignment = doc.assignments[1];
    if (!assignment) throw new Error('demo plan has too few assignments');
    assignment.targets = ['2.3', '9.9'];
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual(['$.assignments[1].targets[1]']);
    expect(issues[0]?.message).toContain('"9.9"');
  });

  it('rejects a date that does not exist', () => {
    const doc = demo();
    doc.document.date = '2026-02-30';
    expect(issuesOf(doc).map((i) => i.path)).toEqual(['$.document.date']);
  });

  it('accepts every date precision and a missing date', () => {
    for (const date of ['2026-04-26', '2026-04', '2026', null]) {
      const doc = demo();
      doc.document.date = date;
      expect(parsePlanDocument(doc).ok, String(date)).toBe(true);
    }
  });

  it('rejects another format id', () => {
    const doc = demo();
    doc.format = 'binhdang.plan/2';
    expect(issuesOf(doc).map((i) => i.path)).toEqual(['$.format']);
  });

  it('rejects an empty or blank title', () => {
    for (const title of ['', '   ']) {
      const doc = demo();
      doc.document.title = title;
      expect(issuesOf(doc).map((i) => i.path)).toEqual(['$.document.title']);
    }
  });

  it('reports every problem at once, never throws on garbage', () => {
    const doc = demo();
    doc.format = 'x';
    doc.document.title = '';
    firstMeasure(doc).comparator = '≥≥';
    expect(
      issuesOf(doc)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['$.document.title', '$.format', '$.goals[0].targets[0].measures[0].comparator']);
    expect(issuesOf(null)).toEqual([{ path: '$', message: expect.any(String) as string }]);
    expect(issuesOf('binhdang.plan/1').length).toBeGreaterThan(0);
  });
});

describe('toJsonPath', () => {
  it('renders keys as members and numbers as indices', () => {
    expect(toJsonPath([])).toBe('$');
    expect(toJsonPath(['format'])).toBe('$.format');
    expect(toJsonPath(['goals', 0, 'targets', 1, 'measures', 0, 'unit'])).toBe(
      '$.goals[0].targets[1].measures[0].unit',
    );
    expect(toJsonPath(['assignments', 12, 'targets', 3])).toBe('$.assignments[12].targets[3]');
  });
});
