import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../core/clock.js';
import { databaseConfigFromEnv, openDatabase, type DatabaseConfig } from '../db/connection.js';
import { ensureReferenceData } from '../db/reference/reference-data.js';
import { loadDemoData } from '../demo/demo.js';
import { buildApp } from './app.js';
import { isDemoMode } from './demo-mode.js';
import { startupFailureMessage } from './startup-errors.js';
import { smtpMailer, startReminderScheduler } from '../modules/reporting/reminders.js';
import { startBackupScheduler } from '../modules/backup/schedule.js';
import { filesDirFromEnv } from '../core/file-store.js';

const config: DatabaseConfig = databaseConfigFromEnv();

/**
 * Starts the server: `npm start` (on the embedded database: demo data when it is empty), `npm start -- --no-demo`;
 * with DATABASE_URL demo data loads only with `--demo` or BINHDANG_DEMO=1.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      'no-demo': { type: 'boolean', default: false },
      port: { type: 'string' },
    },
    allowPositionals: false,
  });
  const demo = isDemoMode({
    embedded: config.kind === 'pglite',
    demoFlag: values.demo,
    noDemoFlag: values['no-demo'],
    env: process.env.BINHDANG_DEMO,
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';

  // Connections lost while running (PostgreSQL restarting, sessions terminated) are logged, not fatal: requests
  // meanwhile answer 503 and the pool reconnects.
  let log: (err: Error) => void = () => undefined;
  const database = await openDatabase(config, { onConnectionError: (err) => log(err) });
  await ensureReferenceData(database.db);
  if (demo) {
    const { loaded } = await loadDemoData(database.db, systemClock);
    if (loaded) console.log('Đã nạp dữ liệu minh họa (demo) / demo data loaded');
  }
  const app = await buildApp({
    database,
    demo,
    now: systemClock,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
  });
  log = (err) => app.log.warn({ err: { message: err.message } }, 'database connection lost');
  const stopReminders = startReminderScheduler(
    {
      db: database.db,
      now: systemClock,
      daysBefore: Number(process.env.BINHDANG_REMINDER_DAYS ?? 7),
      mailer: process.env.SMTP_URL ? smtpMailer(process.env.SMTP_URL, process.env.SMTP_FROM) : null,
    },
    Number(process.env.BINHDANG_REMINDER_INTERVAL_MS ?? 15 * 60 * 1000),
    (err) => app.log.error({ err }, 'reminder job failed'),
  );
  // Daily backups when BINHDANG_BACKUP_DIR is set: one process of those sharing the database takes each day's.
  const backupDir = process.env.BINHDANG_BACKUP_DIR;
  const stopBackups = backupDir
    ? startBackupScheduler(
        {
          handle: database,
          filesDir: filesDirFromEnv(),
          now: systemClock,
          dir: path.resolve(backupDir),
          keep: Math.max(1, Number(process.env.BINHDANG_BACKUP_KEEP ?? 7) || 7),
        },
        Number(process.env.BINHDANG_BACKUP_INTERVAL_MS ?? 15 * 60 * 1000),
        (err) => app.log.error({ err }, 'backup job failed'),
      )
    : () => undefined;
  const shutdown = async () => {
    stopReminders();
    stopBackups();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port, host });
  console.log(`Bình Đẳng: http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`);
}

main().catch((err: unknown) => {
  // The environment at fault (database, data directory): one line. A fault of the code: everything.
  console.error(startupFailureMessage(err, config) ?? err);
  process.exit(1);
});
