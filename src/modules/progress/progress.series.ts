import type { Database } from '../../db/connection.js';
import { comparePeriods, parsePeriod } from '../../domain/period.js';
import {
  aggregateChildren,
  DEFAULT_COVERAGE_THRESHOLD,
  groupFigures,
  isComplete,
  rollUpAggregate,
  seriesForScope,
  seriesFromGroups,
  type FigureGroup,
  type SeriesPoint,
  type UnitFigure,
} from '../../domain/rollup.js';
import { fromNumeric } from '../../db/connection.js';
import { rulesOf, type IndicatorRow } from '../indicators/indicators.repository.js';
import { computedScopeFigures, computedUnitFigures } from './computed-figures.js';
import { findChildrenOf, findFigureGroups, type FigureGroupRow } from './progress.repository.js';

/** An indicator's figures at a scope: the series, the children's own figures and who owes them. */
export interface ScopeSeries {
  series: SeriesPoint[];
  /**
   * The children's figures behind the roll-up, one per unit: for computed indicators, for targets stated per unit
   * (asked for with `perUnit`), and the provinces' figures of a national scope; empty otherwise.
   */
  unitFigures: UnitFigure[];
  /** Units that owe the indicator at this scope (children of the scope), by code. */
  owed: string[];
}

/** Assignments of the plan, as far as coverage needs them: which agency carries which indicator's target. */
export interface IndicatorAssignment {
  orgUnitCode: string | null;
  indicatorId: string | null;
}

/** Which figures count: accepted under these plans (or pending ones too, marked). */
export interface Acceptance {
  acceptedUnder: readonly string[];
  includePending: boolean;
}

interface Children {
  communes: readonly string[];
  agencies: readonly string[];
}

/**
 * Who owes an indicator's figure at a province: every commune of it when communes report the indicator, and the
 * agencies the plan assigns a target measured by it (lead or coordinating) when agencies report it. A commune or
 * agency scope owes only its own figure.
 */
function owedAtScope(
  indicator: IndicatorRow,
  children: Children,
  assignments: readonly IndicatorAssignment[],
): string[] {
  const kinds = rulesOf(indicator).unitKinds;
  const communes = kinds.includes('commune') ? children.communes : [];
  const assigned = new Set(
    assignments.filter((a) => a.indicatorId === indicator.id && a.orgUnitCode).map((a) => a.orgUnitCode!),
  );
  const agencies = kinds.includes('agency') ? children.agencies.filter((c) => assigned.has(c)) : [];
  return [...communes, ...agencies];
}

const byPeriod = (a: SeriesPoint, b: SeriesPoint) =>
  comparePeriods(parsePeriod(a.period)!, parsePeriod(b.period)!);

const thresholdOf = (indicator: IndicatorRow) =>
  fromNumeric(indicator.coverageThreshold) ?? DEFAULT_COVERAGE_THRESHOLD;

/** One unit's groups from the SQL aggregate rows of it (own figure, children summed or one by one). */
function groupsOfRows(rows: readonly FigureGroupRow[]): { groups: FigureGroup[]; unitFigures: UnitFigure[] } {
  const groups = new Map<string, FigureGroup>();
  const perUnit = new Map<string, UnitFigure[]>();
  const groupOf = (r: FigureGroupRow) => {
    const key = `${r.period}\u0000${r.sex}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { period: r.period, sex: r.sex, own: null, children: null }));
    return g;
  };
  const unitFigures: UnitFigure[] = [];
  for (const r of rows) {
    const g = groupOf(r);
    if (r.own) {
      g.own = {
        value: r.sum,
        numerator: r.numerator,
        denominator: r.denominator,
        pending: r.pending,
        fromRecords: false,
      };
    } else if (r.unit === null) {
      g.children = {
        count: r.count,
        sum: r.sum,
        min: r.min,
        max: r.max,
        numerator: r.numerator,
        denominator: r.denominator,
        pending: r.pending,
        fromRecords: false,
        reported: r.codes,
      };
    } else {
      const f: UnitFigure = {
        period: r.period,
        sex: r.sex,
        isScope: false,
        unitCode: r.unit,
        pending: r.pending,
        value: r.sum,
        numerator: r.numerator,
        denominator: r.denominator,
      };
      unitFigures.push(f);
      const key = `${r.period}\u0000${r.sex}`;
      const list = perUnit.get(key);
      if (list) list.push(f);
      else perUnit.set(key, [f]);
    }
  }
  for (const [key, figures] of perUnit) groups.get(key)!.children = aggregateChildren(figures);
  return { groups: [...groups.values()], unitFigures };
}

/** An indicator's series at one unit with children (a province, or any unit at the nation's level below). */
async function unitSeries(
  db: Database,
  indicator: IndicatorRow,
  unit: { code: string; kind: string },
  rows: () => Promise<readonly FigureGroupRow[]>,
  children: Children,
  assignments: readonly IndicatorAssignment[],
  today: string,
): Promise<ScopeSeries> {
  const rules = rulesOf(indicator);
  const threshold = thresholdOf(indicator);
  if (indicator.computation) {
    // Computed indicators take their figures from the registers and the activity log, never from entries.
    const { figures, owed } = await computedScopeFigures(db, indicator, unit, today, [
      ...children.communes.map((code) => ({ code, kind: 'commune' })),
      ...children.agencies.map((code) => ({ code, kind: 'agency' })),
    ]);
    const series = seriesForScope(rules.aggregation, rules.multiplier, figures, { owed, threshold });
    return { series: series.sort(byPeriod), unitFigures: figures.filter((f) => !f.isScope), owed };
  }
  // A commune or agency scope has no children here: it owes only its own figure.
  const owed = owedAtScope(indicator, children, assignments);
  const { groups, unitFigures } = groupsOfRows(await rows());
  const series = seriesFromGroups(rules.aggregation, rules.multiplier, groups, { owed, threshold });
  return { series: series.sort(byPeriod), unitFigures, owed };
}

/** The communes and agencies of each unit, by the unit's code. */
function childrenByParent(units: readonly { code: string; parentCode: string; kind: string }[]) {
  const index = new Map<string, { communes: string[]; agencies: string[] }>();
  for (const u of units) {
    if (u.kind !== 'commune' && u.kind !== 'agency') continue;
    let c = index.get(u.parentCode);
    if (!c) index.set(u.parentCode, (c = { communes: [], agencies: [] }));
    (u.kind === 'commune' ? c.communes : c.agencies).push(u.code);
  }
  return (parent: string): Children => index.get(parent) ?? { communes: [], agencies: [] };
}

/** The aggregate rows by parent unit and indicator. */
function rowsByParent(rows: readonly FigureGroupRow[]) {
  const index = new Map<string, FigureGroupRow[]>();
  for (const r of rows) {
    const key = `${r.parent}\u0000${r.indicatorId}`;
    const list = index.get(key);
    if (list) list.push(r);
    else index.set(key, [r]);
  }
  return (parent: string, indicatorId: string) => index.get(`${parent}\u0000${indicatorId}`) ?? [];
}

/**
 * Series of the indicators at the scope unit: entered there, else rolled up from its children with coverage. The
 * entered figures are summed in SQL over the scope's own units only. At the nation the roll-up has two levels:
 * each province's figure (entered, or rolled up from its communes and agencies with its coverage), then the
 * nation's from the provinces whose figure is complete (docs/DOMAIN.md §6).
 */
export async function scopeSeries(
  db: Database,
  indicatorRows: readonly IndicatorRow[],
  scope: { code: string; kind: string },
  acceptance: Acceptance,
  assignments: readonly IndicatorAssignment[],
  today: string,
  detail: {
    /** Indicators whose children's figures are needed one by one (targets stated per unit). */
    perUnit?: ReadonlySet<string>;
    /** Indicators whose figures by sex are read besides the totals; null: every indicator's. */
    bySex?: ReadonlySet<string> | null;
  } = {},
  /** The years read: the plan's own and its baseline years. */
  years: { from: number; to: number },
): Promise<Map<string, ScopeSeries>> {
  const national = scope.kind === 'nation';
  const provinces = national
    ? (await findChildrenOf(db, [scope.code])).filter((u) => u.kind === 'province').map((u) => u.code)
    : [];
  const parents = national ? provinces : [scope.code];
  const entered = indicatorRows.filter((i) => !i.computation);
  // Independent reads, at once (on PostgreSQL each takes a connection of its own): the computed indicators'
  // records are read as soon as the children are known, beside the figures.
  const childrenRead = findChildrenOf(db, parents);
  const groupsRead = findFigureGroups(db, {
    withChildren: parents,
    ownOnly: national ? [scope.code] : [],
    indicators: entered.map((i) => ({ id: i.id, kinds: rulesOf(i).unitKinds })),
    // At the nation the provinces are the units: per-unit targets read their figures, not the communes'.
    perUnit: national ? [] : [...(detail.perUnit ?? [])],
    bySex: detail.bySex ? [...detail.bySex] : null,
    years,
    listCommunes: !national,
    acceptedUnder: acceptance.acceptedUnder,
    includePending: acceptance.includePending,
  });
  // Awaited below (or the first failure is); this only keeps a failure met later from counting as unhandled.
  const indexRead = groupsRead.then(rowsByParent);
  indexRead.catch(() => undefined);
  const childrenOf = childrenByParent(await childrenRead);
  const seriesOf = async (indicator: IndicatorRow) =>
    national
      ? nationalSeries(db, indicator, scope, provinces, childrenOf, await indexRead, assignments, today)
      : unitSeries(
          db,
          indicator,
          scope,
          () => indexRead.then((rowsFor) => rowsFor(scope.code, indicator.id)),
          scope.kind === 'province' ? childrenOf(scope.code) : { communes: [], agencies: [] },
          assignments,
          today,
        );
  return new Map(
    await Promise.all(
      indicatorRows.map(async (i): Promise<[string, ScopeSeries]> => [i.id, await seriesOf(i)]),
    ),
  );
}

/**
 * A province's complete figures of an entered indicator, from its SQL aggregate rows at the nation (where the
 * communes behind a group are counted, not named): entered for the province, or rolled up from enough of the units
 * it owes.
 */
function completeProvinceFigures(
  indicator: IndicatorRow,
  province: string,
  rows: readonly FigureGroupRow[],
  owed: readonly string[],
): UnitFigure[] {
  const rules = rulesOf(indicator);
  const owedSet = new Set(owed);
  const own = new Set(rows.filter((r) => r.own).map((r) => `${r.period}\u0000${r.sex}`));
  const out: UnitFigure[] = [];
  for (const r of rows) {
    const base = { period: r.period, sex: r.sex, isScope: false, unitCode: province, pending: r.pending };
    if (r.own) {
      out.push({ ...base, value: r.sum, numerator: r.numerator, denominator: r.denominator });
      continue;
    }
    if (own.has(`${r.period}\u0000${r.sex}`)) continue;
    // Every commune in the rows owes the figure (only children of the indicator's kinds are read); the others
    // (agencies) are named, and those the plan did not assign join the population.
    const notOwed = r.codes.filter((c) => !owedSet.has(c)).length;
    if (!isComplete(owed.length + notOwed, r.count, thresholdOf(indicator))) continue;
    const rolled = rollUpAggregate(rules.aggregation, rules.multiplier, {
      ...r,
      fromRecords: false,
      reported: r.codes,
    });
    if (rolled) out.push({ ...base, ...rolled });
  }
  return out;
}

/**
 * A computed indicator's figures for every province's units of its reporting kinds, computed in one pass over all
 * of them (not province by province), by province with the units each owes.
 */
async function computedByProvince(
  db: Database,
  indicator: IndicatorRow,
  provinces: readonly string[],
  childrenOf: (parent: string) => Children,
  today: string,
): Promise<Map<string, { figures: UnitFigure[]; owed: string[] }>> {
  const kinds = rulesOf(indicator).unitKinds;
  const owedBy = new Map(
    provinces.map((p) => {
      const c = childrenOf(p);
      return [
        p,
        [...(kinds.includes('commune') ? c.communes : []), ...(kinds.includes('agency') ? c.agencies : [])],
      ];
    }),
  );
  const provinceOf = new Map([...owedBy].flatMap(([p, units]) => units.map((u): [string, string] => [u, p])));
  const all = await computedUnitFigures(db, indicator, [...provinceOf.keys()], false, today);
  const out = new Map(provinces.map((p) => [p, { figures: [] as UnitFigure[], owed: owedBy.get(p)! }]));
  for (const f of all) out.get(provinceOf.get(f.unitCode!)!)!.figures.push(f);
  return out;
}

/**
 * The nation's series of one indicator: its own figures, else the provinces' complete figures rolled up. A
 * province's incomplete figure does not stand for the province: the province counts as not reported.
 */
async function nationalSeries(
  db: Database,
  indicator: IndicatorRow,
  nation: { code: string; kind: string },
  provinces: readonly string[],
  childrenOf: (parent: string) => Children,
  rowsFor: (parent: string, indicatorId: string) => FigureGroupRow[],
  assignments: readonly IndicatorAssignment[],
  today: string,
): Promise<ScopeSeries> {
  const rules = rulesOf(indicator);
  const figures: UnitFigure[] = [];
  const computed = indicator.computation
    ? await computedByProvince(db, indicator, provinces, childrenOf, today)
    : null;
  for (const province of provinces) {
    if (!computed) {
      const owed = owedAtScope(indicator, childrenOf(province), assignments);
      figures.push(...completeProvinceFigures(indicator, province, rowsFor(province, indicator.id), owed));
      continue;
    }
    const { figures: unitFigures, owed } = computed.get(province)!;
    const series = seriesForScope(rules.aggregation, rules.multiplier, unitFigures, {
      owed,
      threshold: thresholdOf(indicator),
    });
    for (const p of series.filter((point) => point.complete)) {
      figures.push({
        period: p.period,
        sex: p.sex,
        isScope: false,
        unitCode: province,
        pending: p.pending,
        fromRecords: p.fromRecords,
        value: p.value,
        numerator: p.numerator,
        denominator: p.denominator,
      });
    }
  }
  const own = groupsOfRows(rowsFor(nation.code, indicator.id));
  const groups = new Map(groupFigures(figures).map((g) => [`${g.period}\u0000${g.sex}`, g]));
  for (const g of own.groups) {
    const key = `${g.period}\u0000${g.sex}`;
    groups.set(key, { ...(groups.get(key) ?? g), own: g.own });
  }
  const series = seriesFromGroups(rules.aggregation, rules.multiplier, groups.values(), {
    owed: [...provinces],
    threshold: thresholdOf(indicator),
  });
  return { series: series.sort(byPeriod), unitFigures: figures, owed: [...provinces] };
}
