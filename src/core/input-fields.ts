import { z } from 'zod';
import { hasVisibleText, INT4_MAX, INT4_MIN, isAcceptedLink, LINK_SCHEMES } from '../domain/input-limits.js';

/** Zod fields for request schemas that follow the input limits of src/domain/input-limits.ts. */

/** An integer an int4 column holds. */
export const int4 = () => z.number().int().min(INT4_MIN).max(INT4_MAX);

/** A trimmed text of 1–max characters with at least one visible character (no title of blanks or zero-widths). */
export const visibleText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => s === '' || hasVisibleText(s), {
      message: 'Chỉ có ký tự không nhìn thấy được / no visible character',
    });

/** A link: an absolute http, https or mailto URL. */
export const link = (max = 2000) =>
  z
    .string()
    .max(max)
    .refine(isAcceptedLink, {
      message: `Liên kết chỉ nhận ${LINK_SCHEMES.map((s) => s.replace(':', '')).join(', ')} / link scheme not allowed`,
    });
