import { z } from 'zod';
import { visibleText } from '../../core/input-fields.js';

export const orgUnitKindSchema = z.enum(['nation', 'province', 'commune', 'agency', 'section']);

export const orgUnitSummarySchema = z.object({
  code: z.string().describe('Official GSO code for provinces and communes; "<province>-<ABBR>" for agencies'),
  kind: orgUnitKindSchema,
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string().nullable(),
  type: z.string().describe('Tỉnh, Thành phố, Xã, Phường, Đặc khu, or the agency category'),
  parentCode: z.string().nullable(),
});

export const orgUnitDetailSchema = orgUnitSummarySchema.extend({
  abbreviation: z.string().nullable(),
  aliases: z.array(z.string()),
  ancestors: z.array(orgUnitSummarySchema),
  childCounts: z.object({
    province: z.number(),
    commune: z.number(),
    agency: z.number(),
    section: z.number(),
  }),
});

export const orgUnitListSchema = z.object({ items: z.array(orgUnitSummarySchema) });

export const orgUnitCodeParams = z.object({ code: z.string().min(1).max(40) });

export const childrenQuery = z.object({ kind: orgUnitKindSchema.optional() });

export const searchQuery = z.object({
  q: z.string().trim().max(100).default(''),
  kind: orgUnitKindSchema.optional(),
  parent: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const sectionParams = z.object({
  code: z.string().min(1).max(40),
  section: z.string().min(1).max(60),
});

export const sectionBody = z.object({
  name: visibleText(200).describe(
    'The section as its agency names it: "Văn phòng Sở", "Phòng Quản lý xây dựng"',
  ),
});

export type OrgUnitSummary = z.infer<typeof orgUnitSummarySchema>;
export type OrgUnitDetail = z.infer<typeof orgUnitDetailSchema>;
