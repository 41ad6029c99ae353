import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Executor } from './connection.js';

/** The one migrations folder both databases are migrated from (drizzle-kit writes it; `npm run db:check`). */
export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** A migration this version of the app carries: its name and the time drizzle-kit stamped it with. */
export interface KnownMigration {
  tag: string;
  when: number;
}

/** The migrations of `folder`, oldest first, from drizzle-kit's journal. */
export function knownMigrations(folder = MIGRATIONS_FOLDER): KnownMigration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when })).sort((a, b) => a.when - b.when);
}

/** The stamps of the migrations applied to a database, oldest first; none when it was never migrated. */
export async function appliedMigrationStamps(db: Executor): Promise<number[]> {
  const result = await db.execute<{ exists: boolean }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`,
  );
  if (!(result as { rows: { exists: boolean }[] }).rows[0]?.exists) return [];
  const rows = await db.execute<{ created_at: string }>(
    sql`select created_at::text as created_at from drizzle.__drizzle_migrations order by created_at`,
  );
  return (rows as { rows: { created_at: string }[] }).rows.map((r) => Number(r.created_at));
}

/** The database was migrated by a newer version of the app than this one: starting would misread its data. */
export class DatabaseNewerError extends Error {
  constructor(
    readonly newest: KnownMigration,
    readonly unknownStamps: number[],
  ) {
    const at = new Date(Math.max(...unknownStamps)).toISOString().slice(0, 10);
    super(
      `Cơ sở dữ liệu đã được nâng cấp bởi một phiên bản Bình Đẳng mới hơn phiên bản này (${unknownStamps.length} lần ` +
        `nâng cấp không biết, mới nhất ngày ${at}; phiên bản này dừng ở ${newest.tag}): hãy chạy phiên bản mới hơn, ` +
        `hoặc khôi phục một bản sao lưu của phiên bản này. The database was upgraded by a newer version of ` +
        `Bình Đẳng than this one (${unknownStamps.length} unknown migration(s), the latest from ${at}; this version ` +
        `ends at ${newest.tag}): run the newer version, or restore a backup made by this one.`,
    );
    this.name = 'DatabaseNewerError';
  }
}

/**
 * Refuses a database migrated past this version's migrations. Drizzle applies only migrations stamped after the
 * database's latest, so it would start on such a database without a word, with tables it does not know.
 */
export async function refuseNewerDatabase(db: Executor, folder = MIGRATIONS_FOLDER): Promise<void> {
  const known = knownMigrations(folder);
  const newest = known.at(-1);
  if (!newest) return;
  const unknown = (await appliedMigrationStamps(db)).filter((stamp) => stamp > newest.when);
  if (unknown.length > 0) throw new DatabaseNewerError(newest, unknown);
}
