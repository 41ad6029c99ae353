import { describe, expect, it } from 'vitest';
import { unitTitle } from './issuer.js';

describe('unitTitle', () => {
  it.each([
    [{ kind: 'commune', name: 'Đông Kinh', fullName: 'Phường Đông Kinh' }, 'UBND phường Đông Kinh'],
    [{ kind: 'commune', name: 'Tân Đoàn', fullName: 'Xã Tân Đoàn' }, 'UBND xã Tân Đoàn'],
    [{ kind: 'commune', name: 'Cô Tô', fullName: 'Đặc khu Cô Tô' }, 'UBND đặc khu Cô Tô'],
    [{ kind: 'province', name: 'Lạng Sơn', fullName: 'Tỉnh Lạng Sơn' }, 'UBND tỉnh Lạng Sơn'],
    [{ kind: 'province', name: 'Hà Nội', fullName: 'Thành phố Hà Nội' }, 'UBND thành phố Hà Nội'],
    [{ kind: 'agency', name: 'Sở Y tế', fullName: 'Sở Y tế tỉnh Lạng Sơn' }, 'Sở Y tế'],
  ])('%o → %s', (unit, title) => {
    expect(unitTitle(unit)).toBe(title);
  });
});
