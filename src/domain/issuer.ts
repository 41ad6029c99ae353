import { FORMER_PROVINCES, type FormerProvince } from './former-provinces.js';
import { foldVietnamese } from './vietnamese.js';

/** A former province a document names: its name in the 2025 table and the words as the document writes them. */
export interface FormerProvinceName {
  /** As the resolution writes it: "Bình Phước". */
  name: string;
  /** As the document writes it: "BÌNH PHƯỚC", "Bình Phước", "Hoà Bình". */
  written: string;
}

/** The province found, and the former province the document names when it names one (else null). */
export type FoundProvince<P> = P & { former: FormerProvinceName | null };

/** The words of a text with where each starts and ends, folded for matching. */
function wordsOf(text: string): { folded: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => ({
    folded: foldVietnamese(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Where a name occurs as whole words in a text: the words as written, or null. */
function occurrence(text: string, words: ReturnType<typeof wordsOf>, name: string): string | null {
  const needle = foldVietnamese(name).split(' ');
  if (needle.length === 0 || needle[0] === '') return null;
  for (let i = 0; i + needle.length <= words.length; i++) {
    if (needle.every((w, k) => words[i + k]!.folded === w)) {
      return text.slice(words[i]!.start, words[i + needle.length - 1]!.end);
    }
  }
  return null;
}

/**
 * Finds the province a document belongs to from its issuer, parent body and place
 * ("UBND tỉnh Lạng Sơn", "Sở Xây dựng" + "UBND tỉnh Bình Phước"). The longest province name that occurs
 * as whole words inside one text wins, so "Hà Nam" never matches inside another name. A former province
 * (merged in 2025, `formers`, by default the table of Nghị quyết 202/2025/QH15) counts too: "UBND tỉnh Bình
 * Phước" finds Đồng Nai, with `former` naming Bình Phước as written; at equal length a current name wins.
 * Null when none occurs.
 */
export function findProvinceIn<P extends { name: string }>(
  texts: readonly (string | null | undefined)[],
  provinces: readonly P[],
  formers: readonly FormerProvince[] = FORMER_PROVINCES,
): FoundProvince<P> | null {
  const parsed = texts
    .filter((t): t is string => !!t)
    .map((t) => t.normalize('NFC'))
    .map((text) => ({ text, words: wordsOf(text) }));
  const find = (name: string) => {
    for (const { text, words } of parsed) {
      const written = occurrence(text, words, name);
      if (written !== null) return written;
    }
    return null;
  };
  let best: { province: P; length: number; former: FormerProvinceName | null } | null = null;
  for (const p of provinces) {
    const length = foldVietnamese(p.name).length;
    if ((!best || length > best.length) && find(p.name) !== null)
      best = { province: p, length, former: null };
  }
  for (const f of formers) {
    const length = foldVietnamese(f.name).length;
    if (best && length <= best.length) continue;
    const written = find(f.name);
    if (written === null) continue;
    const current = provinces.find((p) => foldVietnamese(p.name) === foldVietnamese(f.current));
    if (current) best = { province: current, length, former: { name: f.name, written } };
  }
  return best ? { ...best.province, former: best.former } : null;
}

/** True when an issuer is the provincial People's Committee itself ("UBND tỉnh …", "Ủy ban nhân dân thành phố …"). */
export function isProvincialCommittee(issuer: string): boolean {
  return /^(ubnd|uy ban nhan dan) (tinh|thanh pho)\b/.test(foldVietnamese(issuer));
}

/** The commune name in an issuer such as "UBND xã Hữu Lũng" or "Ủy ban nhân dân phường Lương Văn Tri". */
export function communeNameIn(issuer: string): string | null {
  const m = /^(?:ubnd|uy ban nhan dan) (?:xa|phuong|dac khu) (.+)$/.exec(foldVietnamese(issuer));
  return m?.[1] ?? null;
}

/**
 * True when an issuer is a national body: the Government, the Prime Minister, the National Assembly and its
 * Standing Committee, the President, the Government Office, a ministry ("Bộ Nội vụ"). A document they issue
 * belongs to the nation whatever place it names. "Bộ Chỉ huy Quân sự tỉnh …" is a provincial command, not a
 * ministry.
 */
export function isNationalIssuer(issuer: string): boolean {
  return /^(chinh phu|thu tuong chinh phu|van phong chinh phu|quoc hoi|uy ban thuong vu quoc hoi|chu tich nuoc|bo (?!chi huy\b)\S.*)$/.test(
    foldVietnamese(issuer),
  );
}

/**
 * A unit as documents name it: "UBND phường Đông Kinh" for a commune (its People's Committee), "UBND tỉnh Lạng Sơn"
 * for a province, the agency's own name ("Sở Y tế") otherwise.
 */
export function unitTitle(unit: { kind: string; name: string; fullName: string }): string {
  if (unit.kind === 'commune' || unit.kind === 'province') {
    return `UBND ${unit.fullName.replace(/^(Xã|Phường|Đặc khu|Tỉnh|Thành phố)/u, (m) => m.toLowerCase())}`;
  }
  return unit.name;
}
