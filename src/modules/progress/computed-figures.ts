import type { Executor } from '../../db/connection.js';
import {
  computeUnitFigures,
  parseComputation,
  type ActivityRecord,
  type LeadershipTerm,
  type StaffCount,
  type UnitRecords,
} from '../../domain/computed.js';
import { formatPeriod, PARTS, periodBounds, type Period, type PeriodType } from '../../domain/period.js';
import type { UnitFigure } from '../../domain/rollup.js';
import type { IndicatorRow } from '../indicators/indicators.repository.js';
import { findSectionsOf } from '../org-units/org-units.repository.js';
import { findStaffCountsOfUnits } from '../registers/registers.repository.js';
import { findActivityTotalsOf, findChildrenOf, findLeadershipTermsOf } from './progress.repository.js';

/**
 * The periods a computed indicator has figures for: from the one of the earliest record to the one of the latest
 * record, but only periods already over by `today` (a quarter in progress would read as a drop to zero).
 */
function periodsBetween(type: PeriodType, firstRecord: string, lastRecord: string, today: string): Period[] {
  const out: Period[] = [];
  for (let year = Number(firstRecord.slice(0, 4)); year <= Number(lastRecord.slice(0, 4)); year++) {
    for (let index = 1; index <= PARTS[type]; index++) {
      const p = { type, year, index };
      const { start, end } = periodBounds(p);
      if (end >= firstRecord && start <= lastRecord && end < today) out.push(p);
    }
  }
  return out;
}

/**
 * Figures of a computed indicator at the scope: for a province, one per child unit of the kinds that report it
 * (a commune with no item in a quarter counts 0); for an agency or commune, its own. Computed from the current
 * records at query time, so they change as soon as the records do.
 */
export async function computedScopeFigures(
  db: Executor,
  indicator: IndicatorRow,
  scope: { code: string; kind: string },
  today: string,
  /** The scope's children, when the caller has read them already. */
  children?: readonly { code: string; kind: string }[],
): Promise<{ figures: (UnitFigure & { fromRecords: true })[]; owed: string[] }> {
  const ownOnly = scope.kind === 'agency' || scope.kind === 'commune';
  const units = ownOnly
    ? [scope.code]
    : (children ?? (await findChildrenOf(db, [scope.code])))
        .filter((u) => indicator.unitKinds.includes(u.kind))
        .map((u) => u.code);
  // Every child unit of the reporting kinds keeps the register or the log the figure is computed from.
  return {
    figures: await computedUnitFigures(db, indicator, units, ownOnly, today),
    owed: ownOnly ? [] : units,
  };
}

/**
 * Figures of a computed indicator for each of these units from their records, in a few queries however many units
 * (at the nation, every province's units at once). `isScope`: the units are the scope itself, not its children.
 */
export async function computedUnitFigures(
  db: Executor,
  indicator: IndicatorRow,
  units: readonly string[],
  isScope: boolean,
  today: string,
): Promise<(UnitFigure & { fromRecords: true })[]> {
  const computation = parseComputation(indicator.computation);
  if (!computation || units.length === 0) return [];
  // Read only the records the computation uses: the register for key leaders, the sections' registers for their
  // leaders, the activity log (and the staff counts) otherwise. A unit's trainings include its sections'.
  const fromRegister = computation.kind === 'female_key_leader_share';
  const fromSections = computation.kind === 'female_section_leader_share';
  const fromStaff = computation.kind === 'staff_trained_share';
  const sections = fromSections || fromStaff ? await findSectionsOf(db, units) : [];
  const ownerOf = new Map<string, string>([
    ...units.map((u): [string, string] => [u, u]),
    ...sections.map((s): [string, string] => [s.code, s.parentCode]),
  ]);
  const terms = fromRegister ? await findLeadershipTermsOf(db, units) : [];
  const sectionTerms = fromSections
    ? await findLeadershipTermsOf(
        db,
        sections.map((s) => s.code),
      )
    : [];
  const acts =
    fromRegister || fromSections
      ? []
      : (await findActivityTotalsOf(db, fromStaff ? [...ownerOf.keys()] : units, indicator.periodType))
          .filter((a) => !fromStaff || a.kind === 'training')
          .map((a) => ({ ...a, orgUnitCode: ownerOf.get(a.orgUnitCode) ?? a.orgUnitCode }));
  const staff = fromStaff ? await findStaffCountsOfUnits(db, units) : [];
  // Only the records the computation reads decide which periods have figures.
  const dates = (
    fromRegister || fromSections
      ? // A term still running holds until today: the register stands for every period up to now.
        [...terms, ...sectionTerms].flatMap((t) => [t.fromDate, t.toDate ?? today])
      : acts.map((a) => a.date)
  ).sort();
  if (dates.length === 0) return [];
  const periods = periodsBetween(indicator.periodType, dates[0]!, dates.at(-1)!, today);
  const termsBy = new Map<string, LeadershipTerm[]>();
  for (const t of terms) termsBy.set(t.orgUnitCode, [...(termsBy.get(t.orgUnitCode) ?? []), t]);
  const sectionTermsBy = new Map<string, LeadershipTerm[]>();
  for (const t of sectionTerms)
    sectionTermsBy.set(t.orgUnitCode, [...(sectionTermsBy.get(t.orgUnitCode) ?? []), t]);
  const actsBy = new Map<string, ActivityRecord[]>();
  for (const a of acts) actsBy.set(a.orgUnitCode, [...(actsBy.get(a.orgUnitCode) ?? []), a]);
  const staffBy = new Map<string, StaffCount[]>();
  for (const c of staff) staffBy.set(c.orgUnitCode, [...(staffBy.get(c.orgUnitCode) ?? []), c]);
  const out: (UnitFigure & { fromRecords: true })[] = [];
  for (const unit of units) {
    const records: UnitRecords = {
      terms: termsBy.get(unit) ?? [],
      activities: actsBy.get(unit) ?? [],
      sections: sections
        .filter((s) => s.parentCode === unit)
        .map((s) => ({ terms: sectionTermsBy.get(s.code) ?? [] })),
      staff: staffBy.get(unit) ?? [],
    };
    for (const p of periods) {
      const { start, end } = periodBounds(p);
      // A unit that logged nothing in the period has a count of 0 but has not reported (coverage).
      const recorded =
        fromRegister || fromSections || records.activities.some((a) => a.date >= start && a.date <= end);
      for (const f of computeUnitFigures(computation, records, start, end)) {
        out.push({
          ...f,
          period: formatPeriod(p),
          isScope,
          unitCode: unit,
          pending: false,
          fromRecords: true,
          recorded,
        });
      }
    }
  }
  return out;
}
