/**
 * The state of the data-entry form and how each event changes it: typed values, what the server said about the
 * last save (errors, warnings to confirm, conflicts with figures saved meanwhile), and which unit reports each
 * province-level figure. Pure: the form dispatches, this decides.
 */
import type { Locale } from '../../../domain/measure';
import type { ApiIssue, IndicatorView, ObservationRow, ObservationView } from '../../api';
import {
  EMPTY,
  changed,
  filled,
  groupIssues,
  initialValues,
  isCurrent,
  partsActive,
  storedByRow,
  type Conflict,
  type Current,
  type Field,
  type Messages,
  type Provider,
  type RowDef,
  type RowValues,
} from './entry-rows';

/** Why a save was refused as a whole; warnings can be confirmed, the others not. */
export type SummaryKind = 'error' | 'warning' | 'locked' | 'forbidden';

export interface Summary {
  kind: SummaryKind;
  message: string;
  /** The issues, one line each, with the figure they are about. */
  lines: string[];
}

export interface EntryState {
  /** The figures stored when the form opened, by row key. */
  stored: ReadonlyMap<string, ObservationView>;
  /** The indicators in the order shown: those the user may enter first. */
  order: readonly string[];
  /** Values as loaded (or as taken over from a conflict): what counts as unchanged. */
  initial: Record<string, RowValues>;
  values: Record<string, RowValues>;
  /** The version of each figure as loaded (or as last seen in a conflict): sent back so the server can tell. */
  versions: Record<string, number>;
  /** The unit reporting each province-level figure that an agency provides, by indicator code. */
  reporting: Record<string, string>;
  errors: Messages;
  warnings: Messages;
  summary: Summary | null;
  conflicts: Conflict[];
  notice: 'nothing' | 'failed' | null;
  /** The server's own words when a save failed for another reason (401 …). */
  failure: string | null;
  /** Whether the last attempt confirmed the warnings: a resend after a conflict keeps that confirmation. */
  acknowledged: boolean;
  /** Whether the user kept their own value in one of the current conflicts: then the kept ones are resent. */
  keptMine: boolean;
}

export type EntryAction =
  | { type: 'edit'; key: string; field: Field; text: string }
  | { type: 'chooseReporting'; indicator: string; unit: string }
  | { type: 'nothingToSave' }
  | { type: 'saving'; acknowledged: boolean }
  | { type: 'saved' }
  | { type: 'warned'; byRow: Messages; summary: Summary }
  | { type: 'rejected'; byRow: Messages; summary: Summary }
  | { type: 'forbidden'; message: string }
  | { type: 'conflicted'; conflicts: readonly { key: string; current: Current }[] }
  | { type: 'failed'; failure: string | null }
  | { type: 'keepMine'; key: string }
  | { type: 'takeTheirs'; key: string; theirs: RowValues };

export interface EntrySetup {
  rows: readonly RowDef[];
  indicators: readonly IndicatorView[];
  stored: readonly ObservationView[];
  locale: Locale;
  unitCode: string;
  /** Province-level indicators an agency may report for the province, by indicator code. */
  providers: ReadonlyMap<string, Provider>;
  /** The units the user holds a role in. */
  ownUnits: ReadonlySet<string>;
  /** Whether the user may enter the indicator's figures, with the reporting unit it starts with. */
  mayWrite: (indicator: IndicatorView, reportingUnit: string) => boolean;
}

/** The form as it opens: stored figures as typed text, their versions, and who reports each provided figure. */
export function initEntryState(setup: EntrySetup): EntryState {
  const stored = storedByRow(setup.rows, setup.stored);
  const reporting: Record<string, string> = {};
  for (const [code, provider] of setup.providers) {
    // The user's own agency when it provides the figure; else whoever reported it last; else the province.
    const last = setup.stored.find((o) => o.indicator === code)?.reportingUnit;
    reporting[code] = setup.ownUnits.has(provider.code)
      ? provider.code
      : last === provider.code || last === setup.unitCode
        ? last
        : setup.unitCode;
  }
  const writable = (i: IndicatorView) => setup.mayWrite(i, reporting[i.code] ?? setup.unitCode);
  // What the user may enter comes first (an agency reporting two figures of a province's twenty); the order is
  // kept while the form is open, so that choosing another reporting unit moves nothing.
  const order = [...setup.indicators]
    .sort((a, b) => Number(writable(b)) - Number(writable(a)))
    .map((i) => i.code);
  const initial = initialValues(setup.rows, stored, setup.locale);
  return {
    stored,
    order,
    initial,
    values: initial,
    versions: Object.fromEntries([...stored].map(([key, o]) => [key, o.version])),
    reporting,
    errors: {},
    warnings: {},
    summary: null,
    conflicts: [],
    notice: null,
    failure: null,
    acknowledged: false,
    keptMine: false,
  };
}

const withoutProblems = (state: EntryState): EntryState => ({
  ...state,
  errors: {},
  warnings: {},
  summary: null,
});

export function entryReducer(state: EntryState, action: EntryAction): EntryState {
  switch (action.type) {
    case 'edit': {
      const { [action.key]: _fixed, ...errors } = state.errors;
      // A confirmation covers the values that were warned about, not edited ones.
      const warned = Object.keys(state.warnings).length > 0;
      return {
        ...state,
        values: {
          ...state.values,
          [action.key]: { ...(state.values[action.key] ?? EMPTY), [action.field]: action.text },
        },
        errors: state.errors[action.key] ? errors : state.errors,
        warnings: warned ? {} : state.warnings,
        summary: warned && state.summary?.kind === 'warning' ? null : state.summary,
        notice: null,
      };
    }
    case 'chooseReporting':
      return {
        ...withoutProblems(state),
        reporting: { ...state.reporting, [action.indicator]: action.unit },
        conflicts: [],
      };
    case 'nothingToSave':
      return { ...state, notice: 'nothing' };
    case 'saving':
      return { ...state, notice: null, acknowledged: action.acknowledged };
    case 'saved':
      return { ...withoutProblems(state), conflicts: [] };
    case 'warned':
      return { ...state, errors: {}, warnings: action.byRow, summary: action.summary };
    case 'rejected':
      return { ...state, errors: action.byRow, warnings: {}, summary: action.summary };
    case 'forbidden':
      return {
        ...withoutProblems(state),
        summary: { kind: 'forbidden', message: action.message, lines: [] },
      };
    case 'conflicted':
      // Someone saved these figures after they were loaded: both values are shown, the user chooses.
      return {
        ...withoutProblems(state),
        keptMine: false,
        conflicts: action.conflicts.map((c) => ({
          key: c.key,
          mine: state.values[c.key] ?? EMPTY,
          current: c.current,
        })),
      };
    case 'failed':
      return { ...state, notice: 'failed', failure: action.failure };
    case 'keepMine':
    case 'takeTheirs': {
      const conflict = state.conflicts.find((c) => c.key === action.key);
      if (!conflict) return state;
      // Either way the figure is now seen at the version stored meanwhile.
      const settled = {
        ...state,
        versions: { ...state.versions, [action.key]: conflict.current.version },
        conflicts: state.conflicts.filter((c) => c.key !== action.key),
      };
      return action.type === 'keepMine'
        ? { ...settled, keptMine: true }
        : {
            ...settled,
            values: { ...state.values, [action.key]: action.theirs },
            initial: { ...state.initial, [action.key]: action.theirs },
          };
    }
  }
}

/** Once every conflict is settled, the figures the user kept are sent again over the current versions. */
export function shouldResend(state: EntryState): boolean {
  return state.conflicts.length === 0 && state.keptMine;
}

/** The rows whose typed figure differs from the one loaded: what a save sends. */
export function pendingRows(state: EntryState, rows: readonly RowDef[]): RowDef[] {
  return rows.filter((r) => {
    const v = state.values[r.key] ?? EMPTY;
    return filled(v) && changed(v, state.initial[r.key] ?? EMPTY);
  });
}

export const reportingOf = (state: EntryState, indicator: string, unitCode: string) =>
  state.reporting[indicator] ?? unitCode;

/** The request rows for the pending figures: parts when typed, else the value; the version each was seen at. */
export function requestRows(
  state: EntryState,
  pending: readonly RowDef[],
  unitCode: string,
): ObservationRow[] {
  return pending.map((r) => {
    const v = state.values[r.key] ?? EMPTY;
    const reportingUnit = reportingOf(state, r.indicator.code, unitCode);
    const version = state.versions[r.key];
    const base = {
      indicator: r.indicator.code,
      orgUnit: unitCode,
      period: r.period,
      sex: r.sex,
      ...(reportingUnit !== unitCode ? { reportingUnit } : {}),
      ...(version !== undefined ? { version } : {}),
    };
    return partsActive(v)
      ? { ...base, numerator: v.numerator.trim(), denominator: v.denominator.trim() }
      : { ...base, value: v.value.trim() };
  });
}

/**
 * What a refused save means for the form, from the server's error: `sent` are the row keys in the order they
 * were sent (issue lines count from 1), `describe` names a row for the summary lines. Null: not an answer the
 * form understands (say it failed).
 */
export function refusalAction(
  error: { code: string; message: string; issues: readonly ApiIssue[] },
  sent: readonly string[],
  describe: (key: string) => string,
): EntryAction {
  const { byRow, loose } = groupIssues(error.issues, sent);
  const lines = [
    ...error.issues.flatMap((i) => {
      const key = i.line !== undefined ? sent[i.line - 1] : undefined;
      return key ? [`${describe(key)}: ${i.message}`] : [];
    }),
    ...loose,
  ];
  switch (error.code) {
    case 'WARNINGS_UNACKNOWLEDGED':
      return { type: 'warned', byRow, summary: { kind: 'warning', message: error.message, lines } };
    case 'CONFLICT':
      return {
        type: 'conflicted',
        conflicts: error.issues.flatMap((i) => {
          const key = i.line !== undefined ? sent[i.line - 1] : undefined;
          return key && isCurrent(i.current) ? [{ key, current: i.current }] : [];
        }),
      };
    case 'VALIDATION_FAILED':
    case 'LOCKED':
      return {
        type: 'rejected',
        byRow,
        summary: { kind: error.code === 'LOCKED' ? 'locked' : 'error', message: error.message, lines },
      };
    case 'FORBIDDEN':
      return error.issues.length > 0
        ? { type: 'rejected', byRow, summary: { kind: 'forbidden', message: error.message, lines } }
        : { type: 'forbidden', message: error.message };
    default:
      // 401 and the like: the server's own words say what is missing.
      return { type: 'failed', failure: error.message };
  }
}
