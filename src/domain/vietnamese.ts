/** Vietnamese text rules shared by search, sorting and name matching. */

// Default sensitivity ('variant'): letters first (a ă â b c d đ e ê …), then tone marks as a tie-break
// (ba < bà < bả < bã < bá < bạ), then case, so names that differ only in tone still sort deterministically.
const collator = new Intl.Collator('vi', { numeric: true });

/** Compares two names in Vietnamese alphabetical order (a ă â b c d đ e ê …; tone marks secondary). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Sorts a copy of `items` by `key` in Vietnamese order. */
export function sortVietnamese<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareVietnamese(key(x), key(y)));
}

/**
 * Folds a name for matching and search: lower case, tone marks and diacritics removed, đ → d,
 * punctuation dropped, spaces collapsed. "Sở Văn hóa, Thể thao" and "so van hoa the thao" fold alike.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** NFC with single spaces: the form in which names are stored and compared for equality. */
export function normalizeName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The text in capitals, Vietnamese rules: "Ủy ban nhân dân tỉnh Lạng Sơn" → "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN". */
export function upperCase(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** The text with its first letter in capitals, Vietnamese rules: "nữ thạc sĩ" → "Nữ thạc sĩ". */
export function upperFirst(text: string): string {
  return upperCase(text.charAt(0)) + text.slice(1);
}
