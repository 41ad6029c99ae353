/**
 * The national data set: one plan per province (the demo plan, issued by that province's People's Committee), one
 * national plan, and the demo's entered indicators for every commune and agency, disaggregated as each indicator
 * allows. Figures are deterministic (hashed from their key), plausible (numerator ≤ denominator for shares,
 * female + male = total) and generated one province-year at a time, so that memory stays flat.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../src/core/clock.js';
import { queryRows, type Database } from '../../src/db/connection.js';
import { numeratorIsPartOfDenominator, type Sex } from '../../src/domain/indicator.js';
import {
  findIndicatorsByCodes,
  rulesOf,
  type IndicatorRow,
} from '../../src/modules/indicators/indicators.repository.js';
import type { RawObservation } from '../../src/modules/observations/observations.parse.js';
import { importPlan } from '../../src/modules/plans/plans.service.js';

const DEMO_PLAN = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../src/demo/data/lang-son-2026-2030.plan.json',
);

/** The first year the plans (2026–2030) accept figures for: five baseline years before they start. */
export const FIRST_YEAR = 2021;
/** The demo plan's province, measured first: Lạng Sơn. */
export const SAMPLE_PROVINCE = '20';

export interface Province {
  code: string;
  name: string;
  fullName: string;
  communes: string[];
  agencies: { code: string; abbreviation: string | null }[];
}

/** The provinces to load: Lạng Sơn first, then the others by code, `count` of them. */
export async function loadProvinces(db: Database, count: number): Promise<Province[]> {
  const units = await queryRows<{
    code: string;
    name: string;
    full_name: string;
    kind: string;
    parent_code: string | null;
    abbreviation: string | null;
  }>(db, sql`select code, name, full_name, kind, parent_code, abbreviation from org_units order by code`);
  const provinces = units
    .filter((u) => u.kind === 'province')
    .sort((a, b) => Number(b.code === SAMPLE_PROVINCE) - Number(a.code === SAMPLE_PROVINCE))
    .slice(0, count);
  return provinces.map((p) => ({
    code: p.code,
    name: p.name,
    fullName: p.full_name,
    communes: units.filter((u) => u.parent_code === p.code && u.kind === 'commune').map((u) => u.code),
    agencies: units
      .filter((u) => u.parent_code === p.code && u.kind === 'agency')
      .map((u) => ({ code: u.code, abbreviation: u.abbreviation })),
  }));
}

export async function countReferenceUnits(db: Database): Promise<Record<string, number>> {
  const rows = await queryRows<{ kind: string; n: number }>(
    db,
    sql`select kind, count(*)::int n from org_units group by kind order by kind`,
  );
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

/** The demo plan's document with another issuer: every mention of Lạng Sơn becomes `designation`. */
function planFor(issuer: string, place: string, designation: string): unknown {
  const text = fs
    .readFileSync(DEMO_PLAN, 'utf8')
    .replaceAll('UBND tỉnh Lạng Sơn', issuer)
    .replaceAll('tỉnh Lạng Sơn', designation)
    .replaceAll('Lạng Sơn', place);
  return JSON.parse(text);
}

export interface Plans {
  byProvince: Map<string, string>;
  national: string;
}

/** One published plan per province, issued by its People's Committee, and the Government's national plan. */
export async function importPlans(db: Database, now: Clock, provinces: readonly Province[]): Promise<Plans> {
  const byProvince = new Map<string, string>();
  for (const p of provinces) {
    const designation = `${p.fullName.charAt(0).toLowerCase()}${p.fullName.slice(1)}`;
    const doc = planFor(`UBND ${designation}`, p.name, designation);
    byProvince.set(p.code, await importPlan({ db, now }, doc, { published: true }));
  }
  const national = await importPlan({ db, now }, planFor('Chính phủ', 'Hà Nội', 'cả nước'), {
    published: true,
  });
  return { byProvince, national };
}

/** The demo plan's indicators that are entered, not computed from registers or the activity log. */
export async function enteredIndicators(db: Database): Promise<IndicatorRow[]> {
  const doc = JSON.parse(fs.readFileSync(DEMO_PLAN, 'utf8')) as {
    goals: { targets: { measures: { indicator?: string }[] }[] }[];
  };
  const codes = doc.goals.flatMap((g) => g.targets.flatMap((t) => t.measures.map((m) => m.indicator ?? '')));
  return (await findIndicatorsByCodes(db, codes.filter(Boolean))).filter((i) => !i.computation);
}

/** The splits entered besides the whole: each disaggregation on its own, never crossed. */
const SPLITS = {
  ageGroup: ['0-14', '15-59', '60+'],
  ethnicity: ['Kinh', 'Dân tộc thiểu số'],
  area: ['urban', 'rural'],
} as const;

type Cell = Pick<RawObservation, 'ageGroup' | 'ethnicity' | 'area'>;

function cellsOf(indicator: IndicatorRow): Cell[] {
  const d = indicator.disaggregations;
  return [
    {},
    ...(d.includes('age_group') ? SPLITS.ageGroup.map((ageGroup) => ({ ageGroup })) : []),
    ...(d.includes('ethnicity') ? SPLITS.ethnicity.map((ethnicity) => ({ ethnicity })) : []),
    ...(d.includes('area') ? SPLITS.area.map((area) => ({ area })) : []),
  ];
}

/** A number in [0, 1) from a text (FNV-1a): the same figure gets the same value in every run. */
function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

type Level = 'commune' | 'agency' | 'province';
const SCALE: Record<Level, number> = { commune: 400, agency: 150, province: 40_000 };

/** The figures of one unit, indicator and year: every cell, by sex where the indicator is split by sex. */
function figures(
  indicator: IndicatorRow,
  unit: string,
  reporting: string | null,
  level: Level,
  year: number,
) {
  const rules = rulesOf(indicator);
  const lo = rules.minValue ?? 0;
  const hi = rules.maxValue ?? 100;
  const sexes: Sex[] = rules.disaggregations.includes('sex') ? ['female', 'male'] : [];
  const rows: Omit<RawObservation, 'line'>[] = [];
  for (const cell of cellsOf(indicator)) {
    const key = `${indicator.code}|${unit}|${cell.ageGroup ?? ''}|${cell.ethnicity ?? ''}|${cell.area ?? ''}`;
    const base = { indicator: indicator.code, orgUnit: unit, reportingUnit: reporting, period: String(year) };
    const target = (salt: string) =>
      lo + (hi - lo) * (0.3 + 0.3 * unitHash(key + salt) + 0.03 * (year - FIRST_YEAR));
    if (!rules.hasParts) {
      const v =
        rules.unit === 'milestone' ? Math.min(1, Math.floor((year - FIRST_YEAR) / 2) / 2) : target('');
      rows.push({ ...base, ...cell, sex: 'total', value: Math.round(v * 100) / 100 });
      continue;
    }
    const parts = (salt: string, share: number) => {
      const denominator =
        rules.unit === 'times'
          ? Math.round((2 + unitHash(key + salt)) * 10) / 10
          : Math.max(1, Math.round(SCALE[level] * share * (0.5 + unitHash(key + salt))));
      const raw = (denominator * target(salt)) / rules.multiplier!;
      const numerator = rules.unit === 'times' ? Math.round(raw * 10) / 10 : Math.round(raw);
      return {
        numerator: numeratorIsPartOfDenominator(rules.unit) ? Math.min(numerator, denominator) : numerator,
        denominator,
      };
    };
    if (sexes.length === 0) {
      rows.push({ ...base, ...cell, sex: 'total', ...parts('', 1) });
      continue;
    }
    const female = parts('f', 0.5);
    const male = parts('m', 0.5);
    rows.push({ ...base, ...cell, sex: 'female', ...female });
    rows.push({ ...base, ...cell, sex: 'male', ...male });
    rows.push({
      ...base,
      ...cell,
      sex: 'total',
      numerator: female.numerator + male.numerator,
      denominator: female.denominator + male.denominator,
    });
  }
  return rows;
}

/**
 * A province's figures for one year: every commune for the commune-level indicators; every agency for those that
 * agencies report too (its provider alone when communes do not); the province-only ones from their provider agency.
 */
export function provinceYear(
  province: Province,
  indicators: readonly IndicatorRow[],
  year: number,
): RawObservation[] {
  const rows: Omit<RawObservation, 'line'>[] = [];
  const provider = (i: IndicatorRow) =>
    province.agencies.find((a) => a.abbreviation === i.providerAbbr)?.code ?? null;
  for (const i of indicators) {
    const kinds = i.unitKinds;
    if (kinds.includes('commune')) {
      for (const c of province.communes) rows.push(...figures(i, c, null, 'commune', year));
    }
    if (kinds.includes('agency')) {
      const agencies = kinds.includes('commune')
        ? province.agencies.map((a) => a.code)
        : [provider(i)].filter((a): a is string => a !== null);
      for (const a of agencies) rows.push(...figures(i, a, null, 'agency', year));
    }
    if (!kinds.includes('commune') && !kinds.includes('agency') && kinds.includes('province')) {
      rows.push(...figures(i, province.code, provider(i), 'province', year));
    }
  }
  return rows.map((r, index) => ({ ...r, line: index + 1 }));
}

/** The units that report a batch's figures: those whose submissions the approval chain moves. */
export function reportingUnits(rows: readonly RawObservation[]): string[] {
  return [...new Set(rows.map((r) => r.reportingUnit ?? r.orgUnit))].sort();
}
