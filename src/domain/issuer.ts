import { foldVietnamese } from './vietnamese.js';

/**
 * Finds the province a document belongs to from its issuer, parent body and place
 * ("UBND tỉnh Lạng Sơn", "Sở Xây dựng" + "UBND tỉnh Bình Phước"). The longest province name that occurs
 * as whole words wins, so "Hà Nam" never matches inside another name. Null when none occurs.
 */
export function findProvinceIn<P extends { name: string }>(
  texts: readonly (string | null | undefined)[],
  provinces: readonly P[],
): P | null {
  const haystack = ` ${texts
    .filter((t): t is string => !!t)
    .map(foldVietnamese)
    .join(' | ')} `;
  let best: P | null = null;
  for (const p of provinces) {
    const needle = ` ${foldVietnamese(p.name)} `;
    if (haystack.includes(needle) && (!best || p.name.length > best.name.length)) best = p;
  }
  return best;
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
