import { z } from 'zod';
import { REPORT_KINDS } from '../../domain/cycles.js';
import { int4, visibleText } from '../../core/input-fields.js';
import type { CycleRow, DefinitionRow } from './reporting.repository.js';

/** A reporting cycle as the API shows it (also the web app's type). */
export const cycleSchema = z.object({
  id: z.uuid(),
  definitionId: z.uuid(),
  planId: z.uuid(),
  kind: z.enum(REPORT_KINDS),
  year: z.number().int(),
  period: z.string(),
  cutoffFrom: z.string(),
  cutoffTo: z.string(),
  due: z.string(),
  version: z.number().int(),
});

export const presentCycle = (c: CycleRow): z.infer<typeof cycleSchema> => ({
  id: c.id,
  definitionId: c.definitionId,
  planId: c.planId,
  kind: c.kind,
  year: c.year,
  period: c.period,
  cutoffFrom: c.cutoffFrom,
  cutoffTo: c.cutoffTo,
  due: c.due,
  version: c.version,
});

/** One day or span of a unit's calendar: a report deadline (with its cycle) or a fixed date. */
export const calendarItemSchema = z.object({
  uid: z.string(),
  start: z.string(),
  end: z.string().describe('Inclusive last day'),
  title: z.string(),
  description: z.string(),
  cycle: z
    .object({ id: z.uuid(), planId: z.uuid(), kind: z.enum(REPORT_KINDS), period: z.string() })
    .nullable(),
});

/** A report definition as the API shows it. */
export const definitionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  content: z.string(),
  reportingEntities: z.string(),
  recipient: z.string(),
  sendingMethod: z.string(),
  frequency: z.string(),
  cutoffStart: z.string(),
  cutoffEnd: z.string(),
  dueMonthDay: z.string(),
  outlineTemplate: z.string(),
  dataForm: z.string(),
  version: z.number().int(),
});

export const presentDefinition = ({ planId: _p, ...d }: DefinitionRow): z.infer<typeof definitionSchema> => d;

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const monthDay = (field: string) =>
  z
    .string()
    .regex(MONTH_DAY, { message: `${field}: viết theo dạng tháng-ngày, ví dụ 11-30 / month-day MM-DD` })
    .describe('Month-day "MM-DD"');
const definitionText = (field: string, max = 2000) => visibleText(max).describe(field);

/** The fields of a definition a coordinator writes. */
const definitionFields = {
  title: definitionText('Tên báo cáo', 500),
  content: definitionText('Nội dung báo cáo'),
  reportingEntities: definitionText('Đối tượng thực hiện báo cáo'),
  recipient: definitionText('Cơ quan nhận báo cáo', 500),
  sendingMethod: definitionText('Phương thức gửi', 500),
  frequency: definitionText('Tần suất', 200),
  cutoffStart: monthDay('Ngày bắt đầu chốt số liệu'),
  cutoffEnd: monthDay('Ngày kết thúc chốt số liệu'),
  dueMonthDay: monthDay('Hạn gửi báo cáo'),
  outlineTemplate: definitionText('Đề cương báo cáo', 5000),
  dataForm: definitionText('Biểu mẫu số liệu', 2000),
};

export const definitionCreateBody = z
  .object(definitionFields)
  .partial()
  .extend({
    kind: z.enum(REPORT_KINDS, { message: 'Loại báo cáo: 6-month, annual, mid-term, final hoặc other' }),
    cycles: z.boolean().optional().describe('Also create its cycles over the plan (default true)'),
  });

export const definitionUpdateBody = z.object(definitionFields).partial().extend({ version: int4() });

export const cycleCreateBody = z.object({
  definitionId: z.uuid({ message: 'Chế độ báo cáo: mã không hợp lệ' }),
  year: int4(),
  due: z.iso.date({ message: 'Hạn gửi: ngày dạng YYYY-MM-DD' }),
  cutoffFrom: z.iso.date({ message: 'Ngày bắt đầu chốt số liệu: dạng YYYY-MM-DD' }).optional(),
  cutoffTo: z.iso.date({ message: 'Ngày kết thúc chốt số liệu: dạng YYYY-MM-DD' }).optional(),
});

export const reportingUnitsSchema = z.object({
  stored: z.boolean().describe('False while the list is derived from the plan and not stored yet'),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      title: z.string(),
      kind: z.string(),
      source: z.enum(['target', 'duty', 'clause', 'manual']),
      included: z.boolean(),
      reasons: z.array(z.string()),
    }),
  ),
});

export const reportingSettingsSchema = z.object({
  orgUnit: z.string(),
  sixMonth: z.boolean(),
  sixMonthDue: z.string(),
  annualDue: z.string(),
  version: z.number().int(),
});

export const reportingSettingsBody = z.object({
  sixMonth: z.boolean({ message: 'Báo cáo 6 tháng: có hoặc không' }),
  sixMonthDue: monthDay('Hạn báo cáo 6 tháng'),
  annualDue: monthDay('Hạn báo cáo năm'),
  version: int4(),
});
