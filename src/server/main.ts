import { parseArgs } from 'node:util';
import { systemClock } from '../core/clock.js';
import { databaseConfigFromEnv, openDatabase } from '../db/connection.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { ensureReferenceData } from '../db/reference/reference-data.js';
import { loadDemoData } from '../db/seed/demo.js';
import { buildApp } from './app.js';
import { isDemoMode } from './demo-mode.js';
import { smtpMailer, startReminderScheduler } from '../modules/reporting/reminders.js';

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
  const config = databaseConfigFromEnv();
  const demo = isDemoMode({
    embedded: config.kind === 'pglite',
    demoFlag: values.demo,
    noDemoFlag: values['no-demo'],
    env: process.env.BINHDANG_DEMO,
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';

  let database;
  try {
    database = await openDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
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
  const shutdown = async () => {
    stopReminders();
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
  console.error(err);
  process.exit(1);
});
