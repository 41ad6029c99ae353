import { describe, expect, it } from 'vitest';
import { observationKey } from './observation-key.js';

describe('observationKey', () => {
  it('joins indicator, unit, period, sex and the disaggregation with "|"', () => {
    expect(
      observationKey({
        indicator: 'BDG-02',
        orgUnit: '06436',
        period: '2025-Q3',
        sex: 'female',
        ageGroup: '15-24',
        ethnicity: 'tay',
        area: 'rural',
      }),
    ).toBe('BDG-02|06436|2025-Q3|female|15-24|tay|rural');
  });

  it('writes a missing or empty disaggregation as an empty part', () => {
    const total = observationKey({ indicator: 'BDG-02', orgUnit: '20', period: '2025', sex: 'total' });
    expect(total).toBe('BDG-02|20|2025|total|||');
    expect(
      observationKey({
        indicator: 'BDG-02',
        orgUnit: '20',
        period: '2025',
        sex: 'total',
        ageGroup: '',
        ethnicity: '',
        area: '',
      }),
    ).toBe(total);
  });
});
