import { Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useReducer } from 'react';
import {
  ApiError,
  recordObservations,
  type IndicatorView,
  type ObservationView,
  type OrgUnitDetail,
  type SessionUser,
} from '../../api';
import { useLocalized } from '../../i18n';
import { allows, ancestryOf } from '../../session';
import { periodText } from '../../status';
import { EntryBar } from './EntryBar';
import {
  computedValue,
  isMeasureUnit,
  partsActive,
  rowsOf,
  toRowValues,
  unitSuffix,
  type Conflict,
  type Provider,
  type RowValues,
} from './entry-rows';
import {
  entryReducer,
  initEntryState,
  pendingRows,
  refusalAction,
  reportingOf,
  requestRows,
  shouldResend,
  type EntryAction,
  type EntryState,
} from './entry-state';
import { IndicatorCard, type HistoryRow } from './IndicatorCard';

interface FormProps {
  unit: OrgUnitDetail;
  user: SessionUser;
  indicators: IndicatorView[];
  /** Province-level indicators an agency may report for the province, by indicator code. */
  providers: ReadonlyMap<string, Provider>;
  year: number;
  stored: ObservationView[];
  saved: number | null;
  onSaved: (count: number) => Promise<void>;
  onDismissSaved: () => void;
  onHistory: (row: HistoryRow) => void;
}

/**
 * The figures of one unit for one year, an indicator per card, and the bar that saves them. The form's state
 * lives in one reducer (entry-state.ts); this component sends what it says and dispatches what the server answers.
 */
export function EntryForm({
  unit,
  user,
  indicators,
  providers,
  year,
  stored,
  saved,
  onSaved,
  onDismissSaved,
  onHistory,
}: FormProps) {
  const { t, locale } = useLocalized();
  const rows = useMemo(() => indicators.flatMap((i) => rowsOf(i, year)), [indicators, year]);
  const unitAncestry = useMemo(() => ancestryOf(unit), [unit]);
  // A provider agency sits directly under the province whose figure it reports.
  const mayWrite = (reportingUnit: string) =>
    allows(
      user.grants,
      'observation.write',
      reportingUnit === unit.code ? unitAncestry : [reportingUnit, ...unitAncestry],
    );
  const [state, dispatch] = useReducer(entryReducer, null, () =>
    initEntryState({
      rows,
      indicators,
      stored,
      locale,
      unitCode: unit.code,
      providers,
      ownUnits: new Set(user.grants.map((g) => g.orgUnitCode)),
      mayWrite: (_indicator, reportingUnit) => mayWrite(reportingUnit),
    }),
  );
  const mutation = useMutation({ mutationFn: recordObservations });
  const rowByKey = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);
  const byCode = useMemo(() => new Map(indicators.map((i) => [i.code, i])), [indicators]);
  const pending = pendingRows(state, rows);

  // Problems are listed in the bar at the bottom; bring the first row they point at into view.
  useEffect(() => {
    const first = rows.find(
      (r) => state.errors[r.key] ?? state.warnings[r.key] ?? state.conflicts.find((c) => c.key === r.key),
    );
    if (first)
      document
        .querySelector(`[data-row-key="${CSS.escape(first.key)}"]`)
        ?.scrollIntoView({ block: 'center' });
  }, [state.errors, state.warnings, state.conflicts, rows]);

  const describe = (key: string) => {
    const row = rowByKey.get(key);
    if (!row) return '';
    const part = row.indicator.periodType === 'year' ? '' : ` · ${periodText(row.period, locale)}`;
    return `${row.indicator.code}${part} · ${t(`sex.${row.sex}`)}`;
  };
  const suffixOf = (indicator: IndicatorView) =>
    isMeasureUnit(indicator.unit) ? unitSuffix(indicator.unit, t('entry.times'), locale) : indicator.unit;

  /** Sends the pending figures of `from` (the state as it is, or as an action just left it). */
  async function save(acknowledgeWarnings: boolean, from: EntryState = state) {
    onDismissSaved();
    const toSend = pendingRows(from, rows);
    if (toSend.length === 0) {
      dispatch({ type: 'nothingToSave' });
      return;
    }
    dispatch({ type: 'saving', acknowledged: acknowledgeWarnings });
    const sent = toSend.map((r) => r.key);
    try {
      const result = await mutation.mutateAsync({
        rows: requestRows(from, toSend, unit.code),
        locale,
        acknowledgeWarnings,
      });
      dispatch({ type: 'saved' });
      await onSaved(result.stored);
    } catch (error) {
      dispatch(
        error instanceof ApiError ? refusalAction(error, sent, describe) : { type: 'failed', failure: null },
      );
    }
  }

  const theirsOf = (c: Conflict) => {
    const row = rowByKey.get(c.key);
    return row ? toRowValues(row.indicator, c.current, locale) : c.mine;
  };

  function resolve(conflict: Conflict, choice: 'mine' | 'theirs') {
    const action: EntryAction =
      choice === 'mine'
        ? { type: 'keepMine', key: conflict.key }
        : { type: 'takeTheirs', key: conflict.key, theirs: theirsOf(conflict) };
    // Once every conflict is settled, the figures the user kept are sent again over the current versions.
    const next = entryReducer(state, action);
    dispatch(action);
    if (shouldResend(next)) void save(next.acknowledged, next);
  }

  const show = (key: string, v: RowValues) => {
    const row = rowByKey.get(key);
    if (!row) return '';
    const suffix = suffixOf(row.indicator);
    if (partsActive(v)) {
      const computed = computedValue(row.indicator, v, locale);
      return `${v.numerator.trim()} / ${v.denominator.trim()}${computed ? ` = ${computed}${suffix}` : ''}`;
    }
    return v.value.trim() ? `${v.value.trim()}${suffix}` : t('common.dash');
  };

  return (
    <Stack gap="lg">
      {state.order.map((code) => {
        const indicator = byCode.get(code);
        if (!indicator) return null;
        return (
          <IndicatorCard
            key={code}
            indicator={indicator}
            rows={rows.filter((r) => r.indicator.code === code)}
            state={state}
            suffix={suffixOf(indicator)}
            canWrite={mayWrite(reportingOf(state, code, unit.code))}
            provider={providers.get(code)}
            unit={unit}
            describe={describe}
            onEdit={(key, field, text) => dispatch({ type: 'edit', key, field, text })}
            onChooseReporting={(value) => dispatch({ type: 'chooseReporting', indicator: code, unit: value })}
            onHistory={onHistory}
          />
        );
      })}
      <EntryBar
        state={state}
        pending={pending.length}
        saved={saved}
        busy={mutation.isPending}
        describe={describe}
        show={show}
        theirsOf={theirsOf}
        onDismissSaved={onDismissSaved}
        onSave={(ack) => void save(ack)}
        onResolve={resolve}
      />
    </Stack>
  );
}
