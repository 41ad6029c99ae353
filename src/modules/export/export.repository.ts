import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/connection.js';

/** The tables a full export writes besides the plans and the figures, each read by its `id` in pages. */
export const EXPORTED_TABLES = {
  leadership_terms: 'Sổ chức danh lãnh đạo / leadership register',
  staff_counts: 'Số cán bộ / staff register',
  activities: 'Nhật ký hoạt động / activity log',
  attachments: 'Tệp đính kèm của hoạt động / activity attachments (names; the files are in backups)',
  audit_log: 'Nhật ký kiểm toán / audit trail',
} as const;

export type ExportedTable = keyof typeof EXPORTED_TABLES;

/**
 * A page of a table's rows after `after` (its id), in id order; ids of audit rows are numbers, others uuids. The
 * staff register has no id (a unit's count as of a date): it is small, one row per unit and date, and is read
 * whole, by unit and date.
 */
export async function readTablePage(
  db: Executor,
  table: ExportedTable,
  after: string | number | null,
  limit: number,
): Promise<Record<string, unknown>[]> {
  const name = sql.identifier(table);
  if (table === 'staff_counts')
    return after === null ? queryRows(db, sql`select * from ${name} order by org_unit_code, as_of`) : [];
  return queryRows(
    db,
    after === null
      ? sql`select * from ${name} order by id limit ${limit}`
      : sql`select * from ${name} where id > ${after} order by id limit ${limit}`,
  );
}

/**
 * A page of figures after `after` (an id), in id order, with what a reader needs beside the row: the indicator's
 * code, the units' names, and the state of the reporting unit's year (the furthest any plan's submission got:
 * accepted, approved, submitted, draft; `entered` when none was made).
 */
export async function readFigurePage(
  db: Executor,
  after: string | null,
  limit: number,
): Promise<Record<string, unknown>[]> {
  return queryRows(
    db,
    sql`select o.id, i.code as indicator, o.org_unit_code as org_unit, u.name as org_unit_name,
               o.reporting_unit_code as reporting_unit, o.period, o.period_type, o.sex, o.age_group, o.ethnicity,
               o.area, o.value, o.numerator, o.denominator, o.source, o.note, o.version, o.is_demo, o.updated_at,
               coalesce((select s.status from submissions s
                         where s.org_unit_code = o.reporting_unit_code and s.period = left(o.period, 4)
                         order by array_position(array['accepted', 'approved', 'submitted', 'draft'], s.status)
                         limit 1), 'entered') as state
        from observations o
        join indicators i on i.id = o.indicator_id
        join org_units u on u.code = o.org_unit_code
        where ${after === null ? sql`true` : sql`o.id > ${after}`}
        order by o.id
        limit ${limit}`,
  );
}
