import { describe, expect, it } from 'vitest';
import type { IndicatorView, ObservationView } from '../../api';
import { rowsOf } from './entry-rows';
import {
  entryReducer,
  initEntryState,
  pendingRows,
  refusalAction,
  requestRows,
  shouldResend,
  type EntrySetup,
  type EntryState,
} from './entry-state';

const indicator = (code: string, over: Partial<IndicatorView> = {}): IndicatorView => ({
  code,
  nameVi: `Chỉ số ${code}`,
  nameEn: `Indicator ${code}`,
  unit: '%',
  direction: 'higher',
  band: null,
  numeratorVi: 'Số nữ',
  denominatorVi: 'Tổng số',
  multiplier: 100,
  disaggregations: ['sex'],
  aggregation: 'ratio',
  periodType: 'year',
  unitKinds: ['province'],
  source: null,
  providerAbbr: null,
  minValue: null,
  maxValue: null,
  ...over,
});

const observation = (over: Partial<ObservationView>): ObservationView => ({
  id: '00000000-0000-4000-8000-000000000001',
  indicator: 'BDG-03',
  orgUnit: '20',
  reportingUnit: '20',
  period: '2025',
  sex: 'total',
  ageGroup: '',
  ethnicity: '',
  area: '',
  value: 56.8,
  numerator: 137382,
  denominator: 241870,
  source: null,
  note: null,
  isDemo: false,
  accepted: true,
  version: 3,
  ...over,
});

const BDG03 = indicator('BDG-03');
const BDG05 = indicator('BDG-05', {
  numeratorVi: null,
  denominatorVi: null,
  multiplier: null,
  unit: 'count',
});
const indicators = [BDG03, BDG05];
const rows = indicators.flatMap((i) => rowsOf(i, 2025));
const TOTAL = 'BDG-03|2025|total';
const FEMALE = 'BDG-05|2025|female';

function setup(over: Partial<EntrySetup> = {}): EntryState {
  return initEntryState({
    rows,
    indicators,
    stored: [observation({})],
    locale: 'vi',
    unitCode: '20',
    providers: new Map(),
    ownUnits: new Set(['20']),
    mayWrite: () => true,
    ...over,
  });
}

const describeRow = (key: string) => key.replaceAll('|', ' · ');

describe('the data-entry form state', () => {
  it('opens with the stored figures as Vietnamese text, their versions, and nothing to save', () => {
    const state = setup();
    expect(state.values[TOTAL]).toEqual({ numerator: '137.382', denominator: '241.870', value: '' });
    expect(state.versions).toEqual({ [TOTAL]: 3 });
    expect(state.stored.get(TOTAL)?.accepted).toBe(true);
    expect(pendingRows(state, rows)).toEqual([]);
  });

  it('puts the indicators the user may enter first and keeps that order', () => {
    const state = setup({ mayWrite: (i) => i.code === 'BDG-05' });
    expect(state.order).toEqual(['BDG-05', 'BDG-03']);
  });

  it('lets a provider agency report for the province: its own users first, else whoever reported last', () => {
    const providers = new Map([['BDG-03', { code: '20-TK', name: 'Thống kê tỉnh' }]]);
    expect(setup({ providers, ownUnits: new Set(['20-TK']) }).reporting).toEqual({ 'BDG-03': '20-TK' });
    expect(setup({ providers, stored: [observation({ reportingUnit: '20-TK' })] }).reporting).toEqual({
      'BDG-03': '20-TK',
    });
    expect(setup({ providers }).reporting).toEqual({ 'BDG-03': '20' });
  });

  it('counts an edited figure as pending and sends its parts, with the version it was loaded at', () => {
    let state = setup();
    state = entryReducer(state, { type: 'edit', key: TOTAL, field: 'numerator', text: '140.000' });
    state = entryReducer(state, { type: 'edit', key: FEMALE, field: 'value', text: ' 12 ' });
    const pending = pendingRows(state, rows);
    expect(pending.map((r) => r.key)).toEqual([TOTAL, FEMALE]);
    expect(requestRows(state, pending, '20')).toEqual([
      {
        indicator: 'BDG-03',
        orgUnit: '20',
        period: '2025',
        sex: 'total',
        version: 3,
        numerator: '140.000',
        denominator: '241.870',
      },
      { indicator: 'BDG-05', orgUnit: '20', period: '2025', sex: 'female', value: '12' },
    ]);
  });

  it('sends the reporting unit chosen for a provided figure, and clears what the server said before', () => {
    const providers = new Map([['BDG-03', { code: '20-TK', name: 'Thống kê tỉnh' }]]);
    let state = setup({ providers });
    state = entryReducer(state, { type: 'edit', key: TOTAL, field: 'numerator', text: '1' });
    state = entryReducer(state, {
      type: 'rejected',
      byRow: { [TOTAL]: { numerator: ['sai'] } },
      summary: { kind: 'error', message: 'Lỗi', lines: [] },
    });
    state = entryReducer(state, { type: 'chooseReporting', indicator: 'BDG-03', unit: '20-TK' });
    expect(state.errors).toEqual({});
    expect(state.summary).toBeNull();
    expect(requestRows(state, pendingRows(state, rows), '20')[0]?.reportingUnit).toBe('20-TK');
  });

  it('clears the error of the edited row only, and warnings with their summary on any edit', () => {
    let state = setup();
    state = entryReducer(state, {
      type: 'rejected',
      byRow: { [TOTAL]: { value: ['sai'] }, [FEMALE]: { value: ['sai'] } },
      summary: { kind: 'error', message: 'Lỗi', lines: [] },
    });
    state = entryReducer(state, { type: 'edit', key: TOTAL, field: 'value', text: '5' });
    expect(Object.keys(state.errors)).toEqual([FEMALE]);
    expect(state.summary?.kind).toBe('error');

    state = entryReducer(state, {
      type: 'warned',
      byRow: { [TOTAL]: { value: ['xa'] } },
      summary: { kind: 'warning', message: 'Cảnh báo', lines: [] },
    });
    expect(state.errors).toEqual({});
    state = entryReducer(state, { type: 'edit', key: FEMALE, field: 'value', text: '3' });
    expect(state.warnings).toEqual({});
    expect(state.summary).toBeNull();
  });

  it('says "nothing to save" until the next edit or save', () => {
    let state = entryReducer(setup(), { type: 'nothingToSave' });
    expect(state.notice).toBe('nothing');
    state = entryReducer(state, { type: 'saving', acknowledged: true });
    expect(state.notice).toBeNull();
    expect(state.acknowledged).toBe(true);
  });

  describe('what a refusal means', () => {
    const sent = [TOTAL, FEMALE];
    const issues = [
      { path: '$.rows[0].value', message: 'Giá trị: quá lớn', line: 1, column: 'value' },
      { path: '$', message: 'Chung' },
    ];

    it('warnings to confirm, by row, with a line per issue naming the figure', () => {
      expect(
        refusalAction(
          { code: 'WARNINGS_UNACKNOWLEDGED', message: 'Cần xác nhận', issues },
          sent,
          describeRow,
        ),
      ).toEqual({
        type: 'warned',
        byRow: { [TOTAL]: { value: ['Giá trị: quá lớn'] } },
        summary: {
          kind: 'warning',
          message: 'Cần xác nhận',
          lines: ['BDG-03 · 2025 · total: Giá trị: quá lớn', 'Chung'],
        },
      });
    });

    it('locked, invalid and forbidden saves as refusals of their kind; forbidden without issues alone', () => {
      const kind = (code: string, list = issues) => {
        const action = refusalAction({ code, message: 'm', issues: list }, sent, describeRow);
        return action.type === 'rejected' ? action.summary.kind : action.type;
      };
      expect(kind('LOCKED')).toBe('locked');
      expect(kind('VALIDATION_FAILED')).toBe('error');
      expect(kind('FORBIDDEN')).toBe('forbidden');
      expect(kind('FORBIDDEN', [])).toBe('forbidden');
      expect(refusalAction({ code: 'FORBIDDEN', message: 'm', issues: [] }, sent, describeRow).type).toBe(
        'forbidden',
      );
      expect(
        refusalAction({ code: 'UNAUTHENTICATED', message: 'Đăng nhập', issues: [] }, sent, describeRow),
      ).toEqual({ type: 'failed', failure: 'Đăng nhập' });
    });

    it('a conflict for each row the server names with the figure stored now', () => {
      const current = { value: 60, numerator: 6, denominator: 10, version: 4 };
      expect(
        refusalAction(
          {
            code: 'CONFLICT',
            message: 'Đã thay đổi',
            issues: [
              { path: '$.rows[0]', message: 'x', line: 1, current },
              { path: '$.rows[1]', message: 'y', line: 2 },
            ],
          },
          sent,
          describeRow,
        ),
      ).toEqual({ type: 'conflicted', conflicts: [{ key: TOTAL, current }] });
    });
  });

  describe('conflicts with figures saved meanwhile', () => {
    const current = { value: 60, numerator: 6, denominator: 10, version: 4 };
    const theirs = { numerator: '6', denominator: '10', value: '' };

    function inConflict(): EntryState {
      let state = setup();
      state = entryReducer(state, { type: 'edit', key: TOTAL, field: 'numerator', text: '7' });
      state = entryReducer(state, { type: 'edit', key: FEMALE, field: 'value', text: '9' });
      return entryReducer(state, {
        type: 'conflicted',
        conflicts: [
          { key: TOTAL, current },
          { key: FEMALE, current: { value: 8, numerator: null, denominator: null, version: 2 } },
        ],
      });
    }

    it('keep the user’s own value with the current version; resend once all are settled', () => {
      let state = inConflict();
      expect(state.conflicts.map((c) => c.mine)).toEqual([
        { numerator: '7', denominator: '241.870', value: '' },
        { numerator: '', denominator: '', value: '9' },
      ]);
      state = entryReducer(state, { type: 'keepMine', key: TOTAL });
      expect(state.versions[TOTAL]).toBe(4);
      expect(shouldResend(state)).toBe(false);
      state = entryReducer(state, { type: 'keepMine', key: FEMALE });
      expect(shouldResend(state)).toBe(true);
      expect(pendingRows(state, rows).map((r) => r.key)).toEqual([TOTAL, FEMALE]);
    });

    it('taking theirs makes their figure the loaded one: it is not sent again with the kept ones', () => {
      let state = inConflict();
      state = entryReducer(state, { type: 'keepMine', key: FEMALE });
      state = entryReducer(state, { type: 'takeTheirs', key: TOTAL, theirs });
      expect(state.values[TOTAL]).toEqual(theirs);
      expect(shouldResend(state)).toBe(true);
      expect(requestRows(state, pendingRows(state, rows), '20')).toEqual([
        { indicator: 'BDG-05', orgUnit: '20', period: '2025', sex: 'female', version: 2, value: '9' },
      ]);
    });

    it('taking theirs everywhere sends nothing again', () => {
      let state = inConflict();
      state = entryReducer(state, { type: 'takeTheirs', key: TOTAL, theirs });
      state = entryReducer(state, {
        type: 'takeTheirs',
        key: FEMALE,
        theirs: { numerator: '', denominator: '', value: '8' },
      });
      expect(shouldResend(state)).toBe(false);
      expect(pendingRows(state, rows)).toEqual([]);
    });

    it('a successful save clears conflicts and problems', () => {
      const state = entryReducer(inConflict(), { type: 'saved' });
      expect(state.conflicts).toEqual([]);
      expect(state.summary).toBeNull();
    });
  });
});
