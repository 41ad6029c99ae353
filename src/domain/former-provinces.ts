import { foldVietnamese } from './vietnamese.js';

/**
 * The 2025 reorganisation of provinces (Nghị quyết 202/2025/QH15, in force from 1/7/2025): every province of
 * before, as `[former name, current province]`, the current name spelled as in the admin-unit list. The same
 * table is `src/db/reference/provinces-2025-merger.csv` (with its source); a test keeps them equal. A province
 * not merged maps to itself. Only the province level: no district table is part of the reference data.
 */
export const PROVINCES_2025_MERGER: readonly (readonly [former: string, current: string])[] = [
  ['An Giang', 'An Giang'],
  ['Kiên Giang', 'An Giang'],
  ['Bắc Ninh', 'Bắc Ninh'],
  ['Bắc Giang', 'Bắc Ninh'],
  ['Cao Bằng', 'Cao Bằng'],
  ['Cà Mau', 'Cà Mau'],
  ['Bạc Liêu', 'Cà Mau'],
  ['Cần Thơ', 'Cần Thơ'],
  ['Sóc Trăng', 'Cần Thơ'],
  ['Hậu Giang', 'Cần Thơ'],
  ['Gia Lai', 'Gia Lai'],
  ['Bình Định', 'Gia Lai'],
  ['Thừa Thiên Huế', 'Huế'],
  ['Hà Nội', 'Hà Nội'],
  ['Hà Tĩnh', 'Hà Tĩnh'],
  ['Hưng Yên', 'Hưng Yên'],
  ['Thái Bình', 'Hưng Yên'],
  ['Hải Phòng', 'Hải Phòng'],
  ['Hải Dương', 'Hải Phòng'],
  ['Hồ Chí Minh', 'Hồ Chí Minh'],
  ['Bình Dương', 'Hồ Chí Minh'],
  ['Bà Rịa - Vũng Tàu', 'Hồ Chí Minh'],
  ['Khánh Hòa', 'Khánh Hoà'],
  ['Ninh Thuận', 'Khánh Hoà'],
  ['Lai Châu', 'Lai Châu'],
  ['Lào Cai', 'Lào Cai'],
  ['Yên Bái', 'Lào Cai'],
  ['Lâm Đồng', 'Lâm Đồng'],
  ['Đắk Nông', 'Lâm Đồng'],
  ['Bình Thuận', 'Lâm Đồng'],
  ['Lạng Sơn', 'Lạng Sơn'],
  ['Nghệ An', 'Nghệ An'],
  ['Ninh Bình', 'Ninh Bình'],
  ['Hà Nam', 'Ninh Bình'],
  ['Nam Định', 'Ninh Bình'],
  ['Phú Thọ', 'Phú Thọ'],
  ['Vĩnh Phúc', 'Phú Thọ'],
  ['Hòa Bình', 'Phú Thọ'],
  ['Quảng Ngãi', 'Quảng Ngãi'],
  ['Kon Tum', 'Quảng Ngãi'],
  ['Quảng Ninh', 'Quảng Ninh'],
  ['Quảng Trị', 'Quảng Trị'],
  ['Quảng Bình', 'Quảng Trị'],
  ['Sơn La', 'Sơn La'],
  ['Thanh Hóa', 'Thanh Hoá'],
  ['Thái Nguyên', 'Thái Nguyên'],
  ['Bắc Kạn', 'Thái Nguyên'],
  ['Tuyên Quang', 'Tuyên Quang'],
  ['Hà Giang', 'Tuyên Quang'],
  ['Tây Ninh', 'Tây Ninh'],
  ['Long An', 'Tây Ninh'],
  ['Vĩnh Long', 'Vĩnh Long'],
  ['Bến Tre', 'Vĩnh Long'],
  ['Trà Vinh', 'Vĩnh Long'],
  ['Điện Biên', 'Điện Biên'],
  ['Đà Nẵng', 'Đà Nẵng'],
  ['Quảng Nam', 'Đà Nẵng'],
  ['Đắk Lắk', 'Đắk Lắk'],
  ['Phú Yên', 'Đắk Lắk'],
  ['Đồng Nai', 'Đồng Nai'],
  ['Bình Phước', 'Đồng Nai'],
  ['Đồng Tháp', 'Đồng Tháp'],
  ['Tiền Giang', 'Đồng Tháp'],
];

/** A province name that a document may write, and the province it designates now. */
export interface FormerProvince {
  /** The name of before 1/7/2025, as the resolution writes it ("Bình Phước"). */
  name: string;
  /** The current province's name ("Đồng Nai"). */
  current: string;
}

/**
 * The former provinces that are no current province: those whose name, folded, differs from the province they
 * are part of now ("Bình Phước" → "Đồng Nai"; not "Khánh Hòa" → "Khánh Hoà", the same name).
 */
export const FORMER_PROVINCES: readonly FormerProvince[] = PROVINCES_2025_MERGER.filter(
  ([former, current]) => foldVietnamese(former) !== foldVietnamese(current),
).map(([name, current]) => ({ name, current }));

/** A province name with its level word removed: "tỉnh Bình Phước", "Thành phố Huế", "TP. Hồ Chí Minh" → the name. */
function bareProvinceKey(written: string): string {
  return foldVietnamese(written).replace(/^(tinh|thanh pho|tp)\s+/, '');
}

/**
 * The current province a name designates, as a document writes it: the current name itself or a former one,
 * in either tone-mark placement ("Hòa"/"Hoà"), any case, with or without "tỉnh"/"thành phố" in front.
 * `former` is true when the name is that of a province merged into another in 2025. Null for an unknown name.
 */
export function currentProvinceOf<P extends { name: string }>(
  written: string,
  provinces: readonly P[],
  formers: readonly FormerProvince[] = FORMER_PROVINCES,
): { province: P; former: boolean } | null {
  const key = bareProvinceKey(written);
  if (key === '') return null;
  const current = provinces.find((p) => bareProvinceKey(p.name) === key);
  if (current) return { province: current, former: false };
  const former = formers.find((f) => bareProvinceKey(f.name) === key);
  if (!former) return null;
  const into = provinces.find((p) => bareProvinceKey(p.name) === bareProvinceKey(former.current));
  return into ? { province: into, former: true } : null;
}
