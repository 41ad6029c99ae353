import { upperCase } from './vietnamese.js';

/**
 * Letterheads (Nghị định 30/2020/NĐ-CP, "tên cơ quan, tổ chức ban hành văn bản"): line 1 names the body the
 * issuer belongs to, as that body writes itself ("UBND TỈNH LẠNG SƠN", "BỘ CÔNG AN"), line 2 the issuer in bold.
 * The parent line and the head's title are catalogue data (src/db/reference/agencies.json), never constants here.
 */

export interface LetterheadProvince {
  name: string;
  /** True for a centrally-run city (thành phố trực thuộc trung ương). */
  isCity: boolean;
}

/**
 * Fills a catalogue template of a letterhead line: "{tỉnh}" becomes the level ("tỉnh", "thành phố"), "{name}" the
 * province's name; the line is written in capitals, as letterheads are ("UBND {tỉnh} {name}" → "UBND TỈNH LẠNG SƠN").
 */
export function fillLetterheadLine(template: string, province: LetterheadProvince): string {
  const level = province.isCity ? 'thành phố' : 'tỉnh';
  return upperCase(template.replaceAll('{tỉnh}', level).replaceAll('{name}', province.name))
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a letterhead needs to know about the issuing unit (an org unit row has all of it). */
export interface LetterheadUnit {
  kind: string;
  name: string;
  fullName: string;
  /** Line 1 as the parent body writes itself, from the catalogue; null when the letterhead has none. */
  letterheadParent: string | null;
  /** The title the head signs with ("Giám đốc", "Chánh Thanh tra"); null when unknown. */
  signerTitle: string | null;
}

export interface Letterhead {
  /** Line 1, in capitals; null when there is none (a people's committee, a body at the top of its system). */
  parentBody: string | null;
  /** The issuer, in capitals: "SỞ Y TẾ", "CÔNG AN TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN". */
  issuer: string;
}

const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The two lines of a unit's letterhead. A province or a commune writes as its people's committee with no parent
 * line. An agency writes its parent line from the catalogue (or `parentOverride`, the line a document gave), then
 * its own name: the short name when the parent line already names the province ("UBND TỈNH LẠNG SƠN" / "SỞ Y TẾ"),
 * the full name otherwise ("BỘ CÔNG AN" / "CÔNG AN TỈNH LẠNG SƠN"). A Tỉnh ủy's commission under "TỈNH ỦY …" does
 * not repeat "Tỉnh ủy" ("TỈNH ỦY LẠNG SƠN" / "BAN TUYÊN GIÁO VÀ DÂN VẬN").
 */
export function letterheadOf(
  unit: LetterheadUnit,
  province: { name: string } | null,
  parentOverride?: string | null,
): Letterhead {
  if (unit.kind === 'province' || unit.kind === 'commune') {
    return { parentBody: null, issuer: upperCase(`Ủy ban nhân dân ${unit.fullName}`) };
  }
  const parent = parentOverride?.trim() ? upperCase(parentOverride.trim()) : unit.letterheadParent;
  if (!parent) return { parentBody: null, issuer: upperCase(unit.fullName) };
  let name = unit.name;
  const committee = /\s+(Tỉnh ủy|Thành ủy)$/u.exec(name);
  if (committee && fold(parent).startsWith(fold(committee[1]!))) name = name.slice(0, committee.index);
  const namesProvince = province !== null && fold(parent).includes(fold(province.name));
  return { parentBody: parent, issuer: upperCase(namesProvince ? name : unit.fullName) };
}

/**
 * The lines above the signer's name when nobody has written them: a province's committee signs for the collective
 * through a vice-chairman, a commune's through its chairman, an agency as its head ("GIÁM ĐỐC", "CHÁNH THANH TRA").
 */
export function defaultSignerLines(unit: Pick<LetterheadUnit, 'kind' | 'signerTitle'>): string[] {
  if (unit.kind === 'province') return ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'];
  if (unit.kind === 'commune') return ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
  return [upperCase(unit.signerTitle ?? 'Giám đốc')];
}

/** Words that open a line of the signer's authority: thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền. */
const AUTHORITY_MARK = /(?:^|\s)(?=(?:TM|KT|TL|TUQ|Q)\.\s)/u;

/** Titles a signer holds, longest first, so that "PHÓ CHỦ TỊCH" is found before "CHỦ TỊCH". */
const TITLES = [
  'PHÓ CHÁNH VĂN PHÒNG',
  'PHÓ CHÁNH THANH TRA',
  'PHÓ CHỈ HUY TRƯỞNG',
  'CHÁNH VĂN PHÒNG',
  'CHÁNH THANH TRA',
  'PHÓ TRƯỞNG BAN',
  'PHÓ GIÁM ĐỐC',
  'PHÓ CHỦ TỊCH',
  'PHÓ CỤC TRƯỞNG',
  'PHÓ TRƯỞNG PHÒNG',
  'CHỈ HUY TRƯỞNG',
  'PHÓ THỦ TƯỚNG',
  'THỨ TRƯỞNG',
  'PHÓ BÍ THƯ',
  'TRƯỞNG PHÒNG',
  'CỤC TRƯỞNG',
  'TRƯỞNG BAN',
  'GIÁM ĐỐC',
  'CHỦ TỊCH',
  'BỘ TRƯỞNG',
  'THỦ TƯỚNG',
  'BÍ THƯ',
].sort((a, b) => b.length - a.length);

/**
 * The authority as one string ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH", as older files and the plan
 * format's `signer.authority` keep it) split into the lines a document prints: a new line at each TM., KT., TL.,
 * TUQ., Q., and before the signer's own title when it follows one of them ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH").
 * Line breaks already in the text are kept.
 */
export function splitAuthority(authority: string): string[] {
  const out: string[] = [];
  for (const given of authority.split(/\r?\n/)) {
    for (const piece of given
      .trim()
      .split(AUTHORITY_MARK)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const marked = /^(TM|KT|TL|TUQ|Q)\.\s+(.+)$/u.exec(piece);
      const title = marked
        ? TITLES.find((t) => marked[2]!.endsWith(` ${t}`) && marked[2]!.length > t.length + 1)
        : undefined;
      if (marked && title) out.push(piece.slice(0, piece.length - title.length).trim(), title);
      else out.push(piece);
    }
  }
  return out;
}
