import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentProvinceOf, FORMER_PROVINCES, PROVINCES_2025_MERGER } from './former-provinces.js';

/** The 34 provinces and centrally-run cities since 1/7/2025, from the reference data. */
const provinces = (
  JSON.parse(
    fs.readFileSync(new URL('../db/reference/admin-units-2026-07-25.json', import.meta.url), 'utf8'),
  ) as { Code: string; Name: string }[]
).map((p) => ({ code: p.Code, name: p.Name }));

describe('the 2025 merger table', () => {
  it('maps 63 former provinces to the 34 current ones, 29 of them merged away', () => {
    expect(PROVINCES_2025_MERGER).toHaveLength(63);
    expect(new Set(PROVINCES_2025_MERGER.map(([, current]) => current)).size).toBe(34);
    // 63 − 34 provinces ceased to exist, and Thừa Thiên Huế is now called Huế.
    expect(FORMER_PROVINCES).toHaveLength(30);
    expect(FORMER_PROVINCES).toContainEqual({ name: 'Bình Phước', current: 'Đồng Nai' });
    expect(FORMER_PROVINCES.map((f) => f.name)).not.toContain('Khánh Hòa');
  });
});

describe('currentProvinceOf', () => {
  it('maps a former province to the current one', () => {
    expect(currentProvinceOf('Bình Phước', provinces)).toEqual({
      province: { code: '75', name: 'Đồng Nai' },
      former: true,
    });
  });

  it('accepts both tone-mark placements, case and the level word', () => {
    for (const written of ['Hòa Bình', 'Hoà Bình', 'tỉnh Hòa Bình', 'TỈNH HOÀ BÌNH', 'Tỉnh  Hoà Bình']) {
      const found = currentProvinceOf(written, provinces);
      expect(found?.province.name, written).toBe('Phú Thọ');
      expect(found?.former, written).toBe(true);
    }
    expect(currentProvinceOf('thành phố Hồ Chí Minh', provinces)?.former).toBe(false);
    expect(currentProvinceOf('TP. Hồ Chí Minh', provinces)?.province.name).toBe('Hồ Chí Minh');
    expect(currentProvinceOf('tỉnh Bình Dương', provinces)?.province.name).toBe('Hồ Chí Minh');
  });

  it('says a current name is not a former one, in either spelling', () => {
    expect(currentProvinceOf('Khánh Hòa', provinces)).toEqual({
      province: { code: '56', name: 'Khánh Hoà' },
      former: false,
    });
    expect(currentProvinceOf('Thanh Hóa', provinces)?.former).toBe(false);
    expect(currentProvinceOf('Đồng Nai', provinces)?.former).toBe(false);
  });

  it('knows no other name', () => {
    expect(currentProvinceOf('Sơn Lâm', provinces)).toBeNull();
    expect(currentProvinceOf('tỉnh', provinces)).toBeNull();
    expect(currentProvinceOf('', provinces)).toBeNull();
    expect(currentProvinceOf('Bình Phước', provinces, [])).toBeNull();
  });
});
