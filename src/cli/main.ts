import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { planJsonSchema } from '../modules/plans/plan-format.js';

/** Published format files: regenerated from the zod schemas by `binhdang formats`. */
export const FORMAT_FILES: Record<string, () => object> = {
  'docs/formats/binhdang.plan-1.schema.json': planJsonSchema,
};

export function renderFormatFile(make: () => object): string {
  return `${JSON.stringify(make(), null, 2)}\n`;
}

const USAGE = `binhdang <command>
  formats                       write the JSON Schemas of the interchange formats into docs/formats/
  user create --admin --username NAME [--name "Full name"] [--password P]
  user create --role ROLE --unit CODE --username NAME [--name …] [--password P]
                                create an account (password from --password, or BINHDANG_PASSWORD)
  backup FILE                   write a backup archive (.tar.gz): the database and the uploaded files
  restore FILE [--replace]      restore a backup into an empty instance (--replace: replace all its data)
  export --format csv|json DIR  write every plan, figure, register, the activity log and the audit trail as files
Database: DATABASE_URL (PostgreSQL) or BINHDANG_DATA_DIR (embedded, default ./data; the server must be stopped).`;

async function createUserCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      admin: { type: 'boolean', default: false },
      role: { type: 'string' },
      unit: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const password = values.password ?? process.env.BINHDANG_PASSWORD;
  if (!values.username || !password || (!values.admin && (!values.role || !values.unit))) {
    console.error(USAGE);
    return 2;
  }
  // Loaded here so that `formats` needs no database code.
  const { databaseConfigFromEnv, openDatabase } = await import('../db/connection.js');
  const { ensureReferenceData } = await import('../db/reference/reference-data.js');
  const { createUser } = await import('../modules/auth/auth.service.js');
  const { systemClock } = await import('../core/clock.js');
  const { ROLES } = await import('../domain/permissions.js');
  const role = values.admin ? 'admin' : values.role;
  if (!ROLES.includes(role as (typeof ROLES)[number])) {
    console.error(`Vai trò không hợp lệ / unknown role "${role}": ${ROLES.join(', ')}`);
    return 2;
  }
  const database = await openDatabase(databaseConfigFromEnv());
  try {
    await ensureReferenceData(database.db);
    const id = await createUser({ db: database.db, now: systemClock }, null, {
      username: values.username,
      displayName: values.name ?? values.username,
      password,
      grants: [{ role: role as (typeof ROLES)[number], orgUnitCode: values.admin ? 'VN' : values.unit! }],
    });
    console.log(`Đã tạo tài khoản / account created: ${values.username} (${role}) ${id}`);
    return 0;
  } catch (err) {
    const e = err as { message: string; issues?: { message: string }[] };
    console.error(e.issues?.map((i) => i.message).join('\n') ?? e.message);
    return 1;
  } finally {
    await database.close();
  }
}

async function backupCommand(command: 'backup' | 'restore', argv: (string | undefined)[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv.filter((a): a is string => a !== undefined),
    options: { replace: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1 || (command === 'backup' && values.replace)) {
    console.error(USAGE);
    return 2;
  }
  const file = positionals[0]!;
  const { databaseConfigFromEnv, openDatabase } = await import('../db/connection.js');
  const { DataDirLockedError } = await import('../db/data-dir-lock.js');
  const { systemClock } = await import('../core/clock.js');
  const { filesDirFromEnv } = await import('../core/file-store.js');
  let database;
  try {
    database = await openDatabase(databaseConfigFromEnv());
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    console.error(
      `${err.message}\nMáy chủ đang chạy giữ CSDL nhúng: nó tự sao lưu hằng ngày khi đặt BINHDANG_BACKUP_DIR; ` +
        `hoặc dừng máy chủ rồi chạy lại lệnh. The running server holds the embedded database: it backs itself ` +
        `up daily when BINHDANG_BACKUP_DIR is set; or stop it and run this command again.`,
    );
    return 1;
  }
  const progress = (line: string) => console.log(line);
  try {
    if (command === 'backup') {
      const { writeBackup } = await import('../modules/backup/backup.js');
      const started = performance.now();
      const m = await writeBackup(file, {
        handle: database,
        filesDir: filesDirFromEnv(),
        now: systemClock,
        progress,
      });
      const rows = m.tables.reduce((n, t) => n + t.rows, 0);
      console.log(
        `Đã sao lưu / backed up: ${file} (${rows} dòng / rows, ${m.files.length} tệp / files, ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
      return 0;
    }
    const { restoreBackup, RestoreRefusedError } = await import('../modules/backup/restore.js');
    try {
      await restoreBackup(file, {
        handle: database,
        filesDir: filesDirFromEnv(),
        now: systemClock,
        replace: values.replace,
        progress,
      });
      return 0;
    } catch (err) {
      if (!(err instanceof RestoreRefusedError)) throw err;
      console.error(err.message);
      return 1;
    }
  } finally {
    await database.close();
  }
}

async function exportCommand(argv: (string | undefined)[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv.filter((a): a is string => a !== undefined),
    options: { format: { type: 'string', default: 'csv' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1 || (values.format !== 'csv' && values.format !== 'json')) {
    console.error(USAGE);
    return 2;
  }
  const { databaseConfigFromEnv, openDatabase } = await import('../db/connection.js');
  const { systemClock } = await import('../core/clock.js');
  const { writeExport } = await import('../modules/export/export.js');
  const database = await openDatabase(databaseConfigFromEnv());
  try {
    const m = await writeExport(positionals[0]!, values.format, {
      db: database.db,
      now: systemClock,
      progress: (line) => console.log(line),
    });
    console.log(`Đã xuất / exported: ${m.files.length} tệp / files into ${positionals[0]}`);
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  } finally {
    await database.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === 'formats') {
    for (const [file, make] of Object.entries(FORMAT_FILES)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, renderFormatFile(make));
      console.log(`wrote ${file}`);
    }
    return 0;
  }
  if (command === 'user' && sub === 'create') return createUserCommand(rest);
  if (command === 'backup' || command === 'restore') return backupCommand(command, [sub, ...rest]);
  if (command === 'export') return exportCommand([sub, ...rest]);
  console.error(USAGE);
  return command ? 2 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
