import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  agencyUnitFor,
  resolveAgencyName,
  type AgencyCatalogueEntry,
  type AgencyUnit,
  type ProvinceForAgencies,
} from './agency-names.js';

const catalogue = (
  JSON.parse(fs.readFileSync(new URL('../db/reference/agencies.json', import.meta.url), 'utf8')) as {
    agencies: AgencyCatalogueEntry[];
  }
).agencies;

function entry(abbr: string): AgencyCatalogueEntry {
  const found = catalogue.find((e) => e.abbr === abbr);
  if (!found) throw new Error(`No catalogue entry ${abbr}`);
  return found;
}

const langSon: ProvinceForAgencies = { code: '20', name: 'Lạng Sơn', isCity: false };
const haiPhong: ProvinceForAgencies = { code: '31', name: 'Hải Phòng', isCity: true };

const langSonUnits: AgencyUnit[] = catalogue.map((e) => agencyUnitFor(e, langSon));
const resolve = (written: string) => resolveAgencyName(written, langSonUnits, langSon.name);

describe('agencyUnitFor', () => {
  it('builds a Sở under a tỉnh', () => {
    const unit = agencyUnitFor(entry('SNV'), langSon);
    expect(unit.code).toBe('20-SNV');
    expect(unit.name).toBe('Sở Nội vụ');
    expect(unit.fullName).toBe('Sở Nội vụ tỉnh Lạng Sơn');
    expect(unit.nameEn).toBe('Department of Home Affairs');
    expect(unit.category).toBe('Sở');
    expect(unit.abbreviation).toBe('SNV');
    expect(unit.aliases).toEqual([]);
  });

  it('builds a Sở under a thành phố', () => {
    const unit = agencyUnitFor(entry('SNV'), haiPhong);
    expect(unit.code).toBe('31-SNV');
    expect(unit.fullName).toBe('Sở Nội vụ thành phố Hải Phòng');
  });

  it('fills {tỉnh} by the province type without doubling the level in the full name', () => {
    const tinh = agencyUnitFor(entry('CA'), langSon);
    expect(tinh.code).toBe('20-CA');
    expect(tinh.name).toBe('Công an tỉnh');
    expect(tinh.fullName).toBe('Công an tỉnh Lạng Sơn');

    const city = agencyUnitFor(entry('CA'), haiPhong);
    expect(city.name).toBe('Công an thành phố');
    expect(city.fullName).toBe('Công an thành phố Hải Phòng');

    expect(agencyUnitFor(entry('TK'), langSon).fullName).toBe('Thống kê tỉnh Lạng Sơn');
    expect(agencyUnitFor(entry('HLHPN'), haiPhong).fullName).toBe('Hội Liên hiệp Phụ nữ thành phố Hải Phòng');
    expect(agencyUnitFor(entry('VPUBND'), langSon).fullName).toBe('Văn phòng UBND tỉnh Lạng Sơn');
  });

  it('uses nameCity in a centrally-run city (Tỉnh đoàn → Thành đoàn)', () => {
    const tinh = agencyUnitFor(entry('TD'), langSon);
    expect(tinh.name).toBe('Tỉnh đoàn');
    expect(tinh.fullName).toBe('Tỉnh đoàn Lạng Sơn');

    const city = agencyUnitFor(entry('TD'), haiPhong);
    expect(city.name).toBe('Thành đoàn');
    expect(city.fullName).toBe('Thành đoàn Hải Phòng');

    expect(agencyUnitFor(entry('BTGDV'), langSon).fullName).toBe(
      'Ban Tuyên giáo và Dân vận Tỉnh ủy Lạng Sơn',
    );
    expect(agencyUnitFor(entry('BTGDV'), haiPhong).name).toBe('Ban Tuyên giáo và Dân vận Thành ủy');
  });

  it('fills the aliases with the level and leaves out the name itself', () => {
    const td = agencyUnitFor(entry('TD'), langSon);
    expect(td.aliases).toContain('Đoàn thanh niên Cộng sản Hồ Chí Minh tỉnh');
    expect(td.aliases).toContain('Đoàn TNCS Hồ Chí Minh tỉnh');
    expect(td.aliases).toContain('Thành đoàn');
    expect(td.aliases).not.toContain('Tỉnh đoàn');
    expect(td.aliases.some((a) => a.includes('{tỉnh}'))).toBe(false);

    const tdCity = agencyUnitFor(entry('TD'), haiPhong);
    expect(tdCity.aliases).toContain('Đoàn thanh niên Cộng sản Hồ Chí Minh thành phố');
    expect(tdCity.aliases).not.toContain('Thành đoàn');

    const mttq = agencyUnitFor(entry('MTTQ'), langSon);
    expect(mttq.name).toBe('Ủy ban MTTQ Việt Nam tỉnh');
    expect(mttq.aliases).toEqual(
      expect.arrayContaining(['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'UBMTTQ tỉnh', 'UBMTTQ VN tỉnh']),
    );
    expect(mttq.aliases).not.toContain('Ủy ban MTTQ Việt Nam tỉnh');

    const vhttdl = agencyUnitFor(entry('SVHTTDL'), langSon);
    expect(vhttdl.aliases).toEqual(['Sở Văn hóa Thể thao và Du lịch', 'Sở VHTTDL']);
  });

  it('gives every catalogue entry a distinct code and no unfilled placeholder', () => {
    const codes = langSonUnits.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const unit of [...langSonUnits, ...catalogue.map((e) => agencyUnitFor(e, haiPhong))]) {
      expect(unit.code).toMatch(/^(20|31)-[A-Z]+$/);
      expect(`${unit.name} ${unit.fullName} ${unit.aliases.join(' ')}`).not.toContain('{');
    }
  });
});

describe('resolveAgencyName (real catalogue, Lạng Sơn)', () => {
  it.each([
    ['Sở Nội vụ', '20-SNV'],
    ['Sở Tài chính', '20-STC'],
    ['Sở Tư pháp', '20-STP'],
    ['Sở Y tế', '20-SYT'],
    ['Sở Giáo dục và Đào tạo', '20-SGDDT'],
    ['Sở Văn hóa, Thể thao và Du lịch', '20-SVHTTDL'],
    ['Công an tỉnh', '20-CA'],
    ['Thanh tra tỉnh', '20-TTR'],
    ['Sở Dân tộc và Tôn giáo', '20-SDTTG'],
    ['Thống kê tỉnh', '20-TK'],
    ['Sở Khoa học và Công nghệ', '20-SKHCN'],
    ['Ban Tuyên giáo và Dân vận Tỉnh ủy', '20-BTGDV'],
    ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', '20-MTTQ'],
    ['Hội Liên hiệp Phụ nữ tỉnh', '20-HLHPN'],
    ['Hội Liên hiệp phụ nữ tỉnh', '20-HLHPN'],
    ['Liên đoàn Lao động tỉnh', '20-LDLD'],
    ['Đoàn thanh niên Cộng sản Hồ Chí Minh tỉnh', '20-TD'],
  ])('resolves "%s" as seed 004 section VI writes it', (written, code) => {
    expect(resolve(written)).toBe(code);
  });

  it('resolves names with the province, in other cases, spellings and normal forms', () => {
    expect(resolve('Sở Y tế tỉnh Lạng Sơn')).toBe('20-SYT');
    expect(resolve('SỞ Y TẾ')).toBe('20-SYT');
    expect(resolve('sở y tế')).toBe('20-SYT');
    expect(resolve('  Sở   Y tế  ')).toBe('20-SYT');
    expect(resolve('Sở Y tế'.normalize('NFD'))).toBe('20-SYT');
    expect(resolve('Công an tỉnh Lạng Sơn')).toBe('20-CA');
    expect(resolve('Tỉnh đoàn')).toBe('20-TD');
    expect(resolve('Tỉnh đoàn Lạng Sơn')).toBe('20-TD');
    expect(resolve('Sở VHTTDL')).toBe('20-SVHTTDL');
    expect(resolve('Sở Văn hóa Thể thao và Du lịch')).toBe('20-SVHTTDL');
    expect(resolve('Sở Văn hoá, Thể thao và Du lịch')).toBe('20-SVHTTDL');
    expect(resolve('UBMTTQ tỉnh')).toBe('20-MTTQ');
    expect(resolve('Hội LHPN tỉnh')).toBe('20-HLHPN');
    expect(resolve('Cục Thống kê tỉnh Lạng Sơn')).toBe('20-TK');
    expect(resolve('Văn phòng Ủy ban nhân dân tỉnh')).toBe('20-VPUBND');
  });

  it('resolves the demo plan’s assignment agencies', () => {
    const plan = JSON.parse(
      fs.readFileSync(new URL('../demo/data/lang-son-2026-2030.plan.json', import.meta.url), 'utf8'),
    ) as { assignments: { agency: string }[] };
    expect(plan.assignments.length).toBeGreaterThan(0);
    for (const a of plan.assignments) expect(resolve(a.agency), a.agency).not.toBeNull();
  });

  it('returns null for unknown and empty names', () => {
    expect(resolve('Sở Lao động – Thương binh và Xã hội')).toBeNull();
    expect(resolve('Bộ Nội vụ')).toBeNull();
    expect(resolve('Sở Y')).toBeNull();
    expect(resolve('UBND các xã, phường')).toBeNull();
    expect(resolve('')).toBeNull();
    expect(resolve('   ')).toBeNull();
    expect(resolve(' , . ')).toBeNull();
    expect(resolve('tỉnh')).toBeNull();
    expect(resolve('Lạng Sơn')).toBeNull();
  });

  it('does not strip another province’s name', () => {
    expect(resolve('Sở Y tế tỉnh Cao Bằng')).toBeNull();
  });

  it('resolves in a centrally-run city with the city wording', () => {
    const units = catalogue.map((e) => agencyUnitFor(e, haiPhong));
    expect(resolveAgencyName('Công an thành phố', units, 'Hải Phòng')).toBe('31-CA');
    expect(resolveAgencyName('Thành đoàn Hải Phòng', units, 'Hải Phòng')).toBe('31-TD');
    expect(resolveAgencyName('Sở Y tế thành phố Hải Phòng', units, 'Hải Phòng')).toBe('31-SYT');
    expect(resolveAgencyName('Hội Liên hiệp Phụ nữ thành phố', units, 'Hải Phòng')).toBe('31-HLHPN');
  });
});
