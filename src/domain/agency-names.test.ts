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

  it('fills the letterhead parent line and keeps the signer title', () => {
    expect(agencyUnitFor(entry('SNV'), langSon)).toMatchObject({
      letterheadParent: 'UBND TỈNH LẠNG SƠN',
      signerTitle: 'Giám đốc',
    });
    expect(agencyUnitFor(entry('SNV'), haiPhong).letterheadParent).toBe('UBND THÀNH PHỐ HẢI PHÒNG');
    expect(agencyUnitFor(entry('CA'), haiPhong).letterheadParent).toBe('BỘ CÔNG AN');
    expect(agencyUnitFor(entry('BTGDV'), haiPhong).letterheadParent).toBe('THÀNH ỦY HẢI PHÒNG');
    expect(agencyUnitFor(entry('MTTQ'), langSon).letterheadParent).toBeNull();
    const bare: AgencyCatalogueEntry = {
      abbr: 'X',
      name: 'Ban X',
      nameEn: 'X',
      category: 'Khác',
      aliases: [],
    };
    expect(agencyUnitFor(bare, langSon)).toMatchObject({ letterheadParent: null, signerTitle: null });
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
  const SEED_004 = 'resolves the name as seed 004 section VI writes it';
  const VARIANT = 'resolves the name with the province, in another case, spelling or normal form';
  const UNKNOWN = 'returns null for an unknown or empty name';
  const OTHER_PROVINCE = 'does not strip another province’s name';
  it.each([
    [SEED_004, 'Sở Nội vụ', '20-SNV'],
    [SEED_004, 'Sở Tài chính', '20-STC'],
    [SEED_004, 'Sở Tư pháp', '20-STP'],
    [SEED_004, 'Sở Y tế', '20-SYT'],
    [SEED_004, 'Sở Giáo dục và Đào tạo', '20-SGDDT'],
    [SEED_004, 'Sở Văn hóa, Thể thao và Du lịch', '20-SVHTTDL'],
    [SEED_004, 'Công an tỉnh', '20-CA'],
    [SEED_004, 'Thanh tra tỉnh', '20-TTR'],
    [SEED_004, 'Sở Dân tộc và Tôn giáo', '20-SDTTG'],
    [SEED_004, 'Thống kê tỉnh', '20-TK'],
    [SEED_004, 'Sở Khoa học và Công nghệ', '20-SKHCN'],
    [SEED_004, 'Ban Tuyên giáo và Dân vận Tỉnh ủy', '20-BTGDV'],
    [SEED_004, 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', '20-MTTQ'],
    [SEED_004, 'Hội Liên hiệp Phụ nữ tỉnh', '20-HLHPN'],
    [SEED_004, 'Hội Liên hiệp phụ nữ tỉnh', '20-HLHPN'],
    [SEED_004, 'Liên đoàn Lao động tỉnh', '20-LDLD'],
    [SEED_004, 'Đoàn thanh niên Cộng sản Hồ Chí Minh tỉnh', '20-TD'],
    [VARIANT, 'Sở Y tế tỉnh Lạng Sơn', '20-SYT'],
    [VARIANT, 'SỞ Y TẾ', '20-SYT'],
    [VARIANT, 'sở y tế', '20-SYT'],
    [VARIANT, '  Sở   Y tế  ', '20-SYT'],
    [VARIANT, 'Sở Y tế'.normalize('NFD'), '20-SYT'],
    [VARIANT, 'Công an tỉnh Lạng Sơn', '20-CA'],
    [VARIANT, 'Tỉnh đoàn', '20-TD'],
    [VARIANT, 'Tỉnh đoàn Lạng Sơn', '20-TD'],
    [VARIANT, 'Sở VHTTDL', '20-SVHTTDL'],
    [VARIANT, 'Sở Văn hóa Thể thao và Du lịch', '20-SVHTTDL'],
    [VARIANT, 'Sở Văn hoá, Thể thao và Du lịch', '20-SVHTTDL'],
    [VARIANT, 'UBMTTQ tỉnh', '20-MTTQ'],
    [VARIANT, 'Hội LHPN tỉnh', '20-HLHPN'],
    [VARIANT, 'Cục Thống kê tỉnh Lạng Sơn', '20-TK'],
    [VARIANT, 'Văn phòng Ủy ban nhân dân tỉnh', '20-VPUBND'],
    [UNKNOWN, 'Sở Lao động – Thương binh và Xã hội', null],
    [UNKNOWN, 'Bộ Nội vụ', null],
    [UNKNOWN, 'Sở Y', null],
    [UNKNOWN, 'UBND các xã, phường', null],
    [UNKNOWN, '', null],
    [UNKNOWN, '   ', null],
    [UNKNOWN, ' , . ', null],
    [UNKNOWN, 'tỉnh', null],
    [UNKNOWN, 'Lạng Sơn', null],
    [OTHER_PROVINCE, 'Sở Y tế tỉnh Cao Bằng', null],
  ])('%s: %j → %j', (_rule, written, code) => {
    expect(resolve(written)).toBe(code);
  });

  it('resolves the demo plan’s assignment agencies', () => {
    const plan = JSON.parse(
      fs.readFileSync(new URL('../demo/data/lang-son-2026-2030.plan.json', import.meta.url), 'utf8'),
    ) as { assignments: { agency: string }[] };
    expect(plan.assignments.length).toBeGreaterThan(0);
    for (const a of plan.assignments) expect(resolve(a.agency), a.agency).not.toBeNull();
  });

  it('resolves in a centrally-run city with the city wording', () => {
    const units = catalogue.map((e) => agencyUnitFor(e, haiPhong));
    expect(resolveAgencyName('Công an thành phố', units, 'Hải Phòng')).toBe('31-CA');
    expect(resolveAgencyName('Thành đoàn Hải Phòng', units, 'Hải Phòng')).toBe('31-TD');
    expect(resolveAgencyName('Sở Y tế thành phố Hải Phòng', units, 'Hải Phòng')).toBe('31-SYT');
    expect(resolveAgencyName('Hội Liên hiệp Phụ nữ thành phố', units, 'Hải Phòng')).toBe('31-HLHPN');
  });
});
