/** Runs SQL text and returns its rows: a copy session's, or the database's through `queryRows`. */
export type RunQuery = <T>(text: string) => Promise<T[]>;

/**
 * Tables a backup leaves out. `accepted_figure_groups` is derived: the triggers that keep it rebuild it from the
 * figures and submissions as they are loaded. Sessions and login throttles are transient, and a session carried
 * to another server would let an old cookie in there. `data_version` is one row the migrations create; its value
 * travels in the manifest.
 */
export const NOT_BACKED_UP = ['accepted_figure_groups', 'sessions', 'login_throttles', 'data_version'];

/** A table as a backup writes and reads it: its columns in order, and its key to sort the rows by. */
export interface BackupTable {
  name: string;
  columns: string[];
  key: string[];
  /** The identity column whose sequence is moved past the restored rows. */
  identity: string | null;
}

/** An identifier quoted for SQL text. */
export const quotedIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The application's tables in the public schema, each after the tables its foreign keys point to, so that they can
 * be loaded in order; read from the catalogue, so a table a later migration adds is backed up without a word here.
 */
export async function backupTables(query: RunQuery): Promise<BackupTable[]> {
  const rows = await query<{
    name: string;
    columns: string[];
    key: string[] | null;
    identity: string | null;
    refs: string[];
  }>(
    `select c.relname as name,
               array(select a.attname::text from pg_attribute a
                     where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                     order by a.attnum) as columns,
               (select array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, n)
                             join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum order by k.n)
                from pg_index i where i.indrelid = c.oid and i.indisprimary) as key,
               (select a.attname::text from pg_attribute a
                where a.attrelid = c.oid and a.attidentity <> '' limit 1) as identity,
               array(select distinct f.confrelid::regclass::text from pg_constraint f
                     where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid) as refs
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'
        order by c.relname`,
  );
  const kept = rows.filter((r) => !NOT_BACKED_UP.includes(r.name));
  const byName = new Map(kept.map((r) => [r.name, r]));
  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  const place = (name: string, path: string[]) => {
    if (placed.has(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys form a cycle: ${[...path, name].join(' → ')}`);
    const table = byName.get(name)!;
    for (const ref of table.refs) if (byName.has(ref)) place(ref, [...path, name]);
    placed.add(name);
    ordered.push({
      name,
      columns: table.columns,
      key: table.key ?? table.columns,
      identity: table.identity,
    });
  };
  for (const name of byName.keys()) place(name, []);
  return ordered;
}

/**
 * The statement that writes a table's rows in PostgreSQL's COPY text format, sorted by its key compared as text
 * byte by byte: the same rows give the same bytes on either database whatever its collation, so a checksum taken
 * on one is checked on the other.
 */
export function copyOutStatement(table: BackupTable, target: 'STDOUT' | "'/dev/blob'"): string {
  const columns = table.columns.map(quotedIdentifier).join(', ');
  const order = table.key.map((k) => `${quotedIdentifier(k)}::text collate "C"`).join(', ');
  return `COPY (SELECT ${columns} FROM ${quotedIdentifier(table.name)} ORDER BY ${order}) TO ${target}`;
}

/** The statement that loads a table's rows written by `copyOutStatement`. */
export function copyInStatement(table: BackupTable, source: 'STDIN' | "'/dev/blob'"): string {
  return `COPY ${quotedIdentifier(table.name)} (${table.columns.map(quotedIdentifier).join(', ')}) FROM ${source}`;
}

/**
 * Session settings under which both databases write the same text for the same values: time stamps in UTC and
 * ISO form, floats in their shortest exact form, bytes in hex.
 */
export const DUMP_SETTINGS = [
  `SET LOCAL TimeZone = 'UTC'`,
  `SET LOCAL DateStyle = 'ISO, YMD'`,
  `SET LOCAL IntervalStyle = 'postgres'`,
  `SET LOCAL extra_float_digits = 1`,
  `SET LOCAL bytea_output = 'hex'`,
];

/** Moves an identity column's sequence past the loaded rows, so that the next row gets a new number. */
export function identityRestartStatement(table: BackupTable): string {
  const name = quotedIdentifier(table.name);
  const column = quotedIdentifier(table.identity!);
  return (
    `SELECT setval(pg_get_serial_sequence('${name}', '${table.identity!.replace(/'/g, "''")}'), ` +
    `coalesce((SELECT max(${column}) FROM ${name}), 0) + 1, false)`
  );
}
