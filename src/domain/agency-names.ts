import { fillLetterheadLine } from './letterhead.js';
import { foldVietnamese } from './vietnamese.js';

/** One entry of the agency catalogue (src/db/reference/agencies.json). */
export interface AgencyCatalogueEntry {
  abbr: string;
  /** May contain "{tỉnh}", replaced by "tỉnh" or "thành phố". */
  name: string;
  /** Name in a centrally-run city when it is not a plain substitution (Tỉnh đoàn → Thành đoàn). */
  nameCity?: string;
  nameEn: string;
  category: string;
  aliases: string[];
  /**
   * Line 1 of the agency's letterhead as its parent body writes itself: "UBND {tỉnh} {name}", "Bộ Công an"
   * ({name} is the province's name; printed in capitals). Null or absent: the letterhead has no parent line.
   */
  letterheadParent?: string | null;
  /** The parent line in a centrally-run city when it is not a plain substitution (Tỉnh ủy → Thành ủy). */
  letterheadParentCity?: string | null;
  /** The title the agency's head signs with ("Giám đốc", "Chánh Thanh tra", "Chủ tịch"). */
  signerTitle?: string | null;
}

export interface ProvinceForAgencies {
  code: string;
  name: string;
  /** True for a centrally-run city (thành phố trực thuộc trung ương). */
  isCity: boolean;
}

export interface AgencyUnit {
  code: string;
  name: string;
  fullName: string;
  nameEn: string;
  category: string;
  abbreviation: string;
  aliases: string[];
  /** Line 1 of its letterhead, filled and in capitals ("UBND TỈNH LẠNG SƠN", "BỘ CÔNG AN"); null: none. */
  letterheadParent: string | null;
  signerTitle: string | null;
}

/** "Sở Nội vụ tỉnh Lạng Sơn", but "Công an tỉnh Lạng Sơn" and "Tỉnh đoàn Lạng Sơn" (no doubled level). */
function fullNameOf(name: string, level: string, provinceName: string): string {
  const endsWithLevel = /(tỉnh|thành phố|Tỉnh ủy|Thành ủy|Tỉnh đoàn|Thành đoàn)$/u.test(name);
  return endsWithLevel ? `${name} ${provinceName}` : `${name} ${level} ${provinceName}`;
}

/** The agency org units a catalogue entry creates under one province. */
export function agencyUnitFor(entry: AgencyCatalogueEntry, province: ProvinceForAgencies): AgencyUnit {
  const level = province.isCity ? 'thành phố' : 'tỉnh';
  const fill = (s: string) => s.replaceAll('{tỉnh}', level);
  const name = fill(province.isCity && entry.nameCity ? entry.nameCity : entry.name);
  const parent =
    province.isCity && entry.letterheadParentCity ? entry.letterheadParentCity : entry.letterheadParent;
  return {
    code: `${province.code}-${entry.abbr}`,
    name,
    fullName: fullNameOf(name, level, province.name),
    nameEn: entry.nameEn,
    category: entry.category,
    abbreviation: entry.abbr,
    aliases: [entry.name, entry.nameCity ?? '', ...entry.aliases]
      .filter((a) => a !== '')
      .map(fill)
      .filter((a) => a !== name),
    letterheadParent: parent ? fillLetterheadLine(parent, province) : null,
    signerTitle: entry.signerTitle ?? null,
  };
}

/** Folded key of an agency name with the province's own name and level words removed at the end. */
function agencyKey(name: string, provinceName: string): string {
  let key = foldVietnamese(name);
  const province = foldVietnamese(provinceName);
  if (key.endsWith(` ${province}`)) key = key.slice(0, -province.length - 1);
  return key.replace(/ (tinh|thanh pho)$/, '');
}

/**
 * Resolves an agency name as a document writes it ("Sở Văn hóa, Thể thao và Du lịch",
 * "Hội Liên hiệp phụ nữ tỉnh", "Sở Y tế tỉnh Lạng Sơn") to the code of one of the province's agencies.
 */
export function resolveAgencyName(
  written: string,
  agencies: readonly Pick<AgencyUnit, 'code' | 'name' | 'aliases'>[],
  provinceName: string,
): string | null {
  const key = agencyKey(written, provinceName);
  if (key === '') return null;
  for (const agency of agencies) {
    for (const candidate of [agency.name, ...agency.aliases]) {
      if (agencyKey(candidate, provinceName) === key) return agency.code;
    }
  }
  return null;
}
