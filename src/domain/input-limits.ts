/**
 * Limits on what any request may carry, whatever the route (docs/NOTES.md, "Input limits"). Pure: the HTTP edge
 * (src/server/input-guard.ts) and the routes' schemas use them.
 */

/** The largest and smallest value a PostgreSQL integer (int4) column holds. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

/**
 * The largest magnitude accepted for a figure (value, numerator, denominator) and a plan's target values. The
 * numeric columns declare no precision; 10^15 keeps every integer below it exact in a double (the API's number
 * type) and is far above any count a province reports.
 */
export const NUMBER_LIMIT = 1e15;

/** The longest single text in any request (report sections allow 50,000 characters; this is the backstop). */
export const TEXT_LIMIT = 100_000;

/**
 * Most figures in one entry request (JSON batch or CSV file): a province's year fits, its communes × indicators ×
 * sex and disaggregation splits (about 60,000). The batch is validated and written in a fixed number of queries.
 */
export const ENTRY_ROW_LIMIT = 60_000;

/** Bytes of one entry request (JSON batch or CSV file): ENTRY_ROW_LIMIT rows of some 500 bytes each. */
export const ENTRY_BODY_LIMIT = 32 * 1024 * 1024;

/** Most issues listed in one error answer; the total is given beside them. */
export const ISSUE_LIMIT = 100;

/**
 * Characters that show nothing: whitespace, format characters (zero-width space and joiners, BOM, bidi marks),
 * controls, and the Hangul and Braille fillers that render blank.
 */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]|\u034F/gu;

/** True when the text has at least one visible character. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '') !== '';
}

/** A number a numeric column may hold: finite and within ±NUMBER_LIMIT. */
export function isStorableNumber(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) <= NUMBER_LIMIT;
}

/** Link schemes accepted wherever a user gives a link. */
export const LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

/** True when the text is an absolute URL with an accepted scheme. */
export function isAcceptedLink(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (!(LINK_SCHEMES as readonly string[]).includes(url.protocol)) return false;
  return url.protocol === 'mailto:' ? url.pathname.length > 0 : url.hostname.length > 0;
}
