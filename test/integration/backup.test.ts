import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type DatabaseHandle } from '../../src/db/connection.js';
import { writeBackup } from '../../src/modules/backup/backup.js';
import { restoreBackup, RestoreRefusedError } from '../../src/modules/backup/restore.js';
import { runDailyBackup, vietnamDay } from '../../src/modules/backup/schedule.js';
import { backupTables } from '../../src/modules/backup/tables.js';
import { recordObservations } from '../../src/modules/observations/observations.service.js';
import { buildApp } from '../../src/server/app.js';
import { enteredIndicators, loadProvinces, provinceYear } from '../../bench/national/dataset.js';
import { logIn, TEST_PASSWORD } from '../support/factories/accounts.js';
import { acceptFigures, recordFigures } from '../support/factories/figures.js';
import { provinceUnits } from '../support/factories/org-units.js';
import { cyclesOf, createPlan } from '../support/factories/plans.js';
import { scratchPostgresDatabase } from '../support/postgres-scratch.js';
import { useTestApp, type TestApp } from '../support/test-app.js';

/**
 * `binhdang backup` and `binhdang restore` (docs/OPERATIONS.md): an archive of the database and the files, restored
 * on either database. PGlite → PGlite always; with TEST_DATABASE_URL also PGlite → PostgreSQL, PostgreSQL →
 * PGlite and PostgreSQL → PostgreSQL.
 */
const url = process.env.TEST_DATABASE_URL;
const kinds: ('pglite' | 'postgres')[] = ['pglite', ...(url ? (['postgres'] as const) : [])];
const now = () => new Date('2026-12-10T08:00:00Z');

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});
const tmp = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};

/** A new, empty instance: the app's migrations applied, nothing else. */
const emptyInstance = (kind: 'pglite' | 'postgres'): Promise<DatabaseHandle> =>
  kind === 'pglite'
    ? openDatabase({ kind: 'pglite', dataDir: null })
    : scratchPostgresDatabase(url!, 'binhdang_restore');

/** Every backed-up table's row count, and a checksum of all figures with their state and source. */
async function fingerprint(db: DatabaseHandle['db']) {
  const counts: Record<string, number> = {};
  for (const t of await backupTables(async (text) => queryRows(db, sql.raw(text)))) {
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${t.name}"`));
    counts[t.name] = row!.n;
  }
  const [figures] = await queryRows<{ sum: string }>(
    db,
    sql`select md5(string_agg(concat_ws('|', id, indicator_id, org_unit_code, reporting_unit_code, period, sex,
                  age_group, ethnicity, area, value::text, numerator::text, denominator::text, version, source),
                  ',' order by id)) as sum
        from observations`,
  );
  return { counts, figures: figures!.sum };
}

/** A province's plan with cycles, accepted figures of two years, an activity with an attachment, a signed PDF. */
async function given(app: TestApp) {
  const province = await provinceUnits(app);
  const commune = province.communes[0]!.code;
  const plan = await createPlan(app, {
    province,
    published: true,
    cycles: true,
    targets: [{ code: '1', measures: [{ value: 80, indicator: 'BDG-20' }], lead: ['Sở Nội vụ'] }],
  });
  for (const year of ['2024', '2025']) {
    await recordFigures(app, [
      { indicator: 'BDG-20', orgUnit: commune, period: year, numerator: 900, denominator: 3000 },
      { indicator: 'BDG-18', orgUnit: province.code, period: year, value: 45.5 },
    ]);
    await acceptFigures(app, { planId: plan.id, period: year, units: [province.code, commune] });
  }
  const reporter = await app.signIn('reporter', commune);
  const activity = await app.app.inject({
    method: 'POST',
    url: `/api/org-units/${commune}/activities`,
    headers: reporter,
    payload: { kind: 'communication', title: 'Tọa đàm 8/3', channel: 'portal', date: '2026-03-08' },
  });
  expect(activity.statusCode, activity.body).toBe(201);
  const attachment = Buffer.from('%PDF-1.4\nbiên bản tọa đàm\n%%EOF\n');
  const attached = await app.app.inject({
    method: 'POST',
    url: `/api/activities/${activity.json<{ id: string }>().id}/attachments`,
    headers: {
      ...reporter,
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent('biên bản.pdf'),
    },
    payload: attachment,
  });
  expect(attached.statusCode, attached.body).toBe(201);
  const coordinator = await app.signIn('coordinator', province.code);
  const cycleId = (await cyclesOf(app, plan.id)).find((c) => c.kind === 'annual' && c.year === 2026)!.id;
  const signed = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4096, 9), Buffer.from('\n%%EOF\n')]);
  const reportUrl = `/api/cycles/${cycleId}/reports/${province.code}`;
  const sent = await app.app.inject({
    method: 'POST',
    url: `${reportUrl}/signed`,
    headers: { ...coordinator, 'content-type': 'application/pdf' },
    payload: signed,
  });
  expect(sent.statusCode, sent.body).toBe(200);
  return {
    province,
    attachment,
    attachmentUrl: attached.json<{ url: string }>().url,
    signed,
    signedUrl: `${reportUrl}/signed.pdf`,
  };
}

for (const source of kinds) {
  describe(`a backup of ${source === 'pglite' ? 'PGlite' : 'PostgreSQL'}`, () => {
    const ctx = useTestApp({ now, ...(source === 'pglite' ? { database: 'pglite' as const } : {}) }, given);

    for (const target of kinds) {
      it(`restores on ${target === 'pglite' ? 'PGlite' : 'PostgreSQL'}: every table, every figure, every file`, async () => {
        const file = path.join(tmp('binhdang-backup-'), 'backup.tar.gz');
        const manifest = await writeBackup(file, { handle: ctx.database, filesDir: ctx.filesDir, now });
        expect(manifest.source).toBe(source);
        expect(manifest.files).toHaveLength(2);
        expect(manifest.derived.accepted_figure_groups).toBeGreaterThan(0);

        const restored = await emptyInstance(target);
        const filesDir = path.join(tmp('binhdang-restored-'), 'files');
        try {
          await restoreBackup(file, { handle: restored, filesDir, now });
          expect(await fingerprint(restored.db)).toEqual(await fingerprint(ctx.database.db));
          expect(await restored.dataVersion()).toBe(await ctx.database.dataVersion());
          // The insert-only trigger survived: the restored audit trail cannot be changed.
          const refused = await restored.db.execute(sql`delete from audit_log`).catch((e: unknown) => e);
          expect(String((refused as { cause?: unknown }).cause ?? refused)).toMatch(/insert-only/);

          // The app on the restored instance serves the attachment and the signed PDF byte for byte.
          const app = await buildApp({ database: restored, logger: false, serveWeb: false, filesDir, now });
          try {
            // The source's admin signs in with the same password: accounts and their hashes came across.
            const admin = await logIn({ app, database: restored, now }, 'quantri.first', TEST_PASSWORD);
            const attachment = await app.inject({ url: ctx.attachmentUrl, headers: admin });
            expect(attachment.statusCode).toBe(200);
            expect(Buffer.compare(attachment.rawPayload, ctx.attachment)).toBe(0);
            const signed = await app.inject({ url: ctx.signedUrl, headers: admin });
            expect(signed.statusCode).toBe(200);
            expect(Buffer.compare(signed.rawPayload, ctx.signed)).toBe(0);
          } finally {
            await app.close();
          }
        } finally {
          await restored.close();
        }
      });
    }

    it('refuses to restore into an instance that holds data, and says how to replace it', async () => {
      const file = path.join(tmp('binhdang-backup-'), 'backup.tar.gz');
      await writeBackup(file, { handle: ctx.database, filesDir: ctx.filesDir, now });
      const before = await fingerprint(ctx.database.db);
      const refused = await restoreBackup(file, { handle: ctx.database, filesDir: ctx.filesDir, now }).catch(
        (err: unknown) => err,
      );
      expect(refused).toBeInstanceOf(RestoreRefusedError);
      expect((refused as Error).message).toMatch(/không trống.*--replace/s);
      expect(await fingerprint(ctx.database.db)).toEqual(before);
    });

    it('refuses a damaged archive before writing anything', async () => {
      const file = path.join(tmp('binhdang-backup-'), 'backup.tar.gz');
      await writeBackup(file, { handle: ctx.database, filesDir: ctx.filesDir, now });
      const bytes = fs.readFileSync(file);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const restored = await emptyInstance('pglite');
      try {
        await expect(
          restoreBackup(file, {
            handle: restored,
            filesDir: path.join(tmp('binhdang-restored-'), 'files'),
            now,
          }),
        ).rejects.toBeInstanceOf(RestoreRefusedError);
        expect((await fingerprint(restored.db)).counts.observations).toBe(0);
      } finally {
        await restored.close();
      }
    });

    it('taken while a 20,000-figure import runs, restores with all of the import or none of it', async () => {
      const provinces = await loadProvinces(ctx.database.db, 2);
      const indicators = await enteredIndicators(ctx.database.db);
      const rows = provinces.flatMap((province) =>
        [2021, 2022, 2023].flatMap((year) => provinceYear(province, indicators, year)),
      );
      expect(rows.length).toBeGreaterThanOrEqual(20_000);
      const before = (await fingerprint(ctx.database.db)).counts.observations!;
      const file = path.join(tmp('binhdang-backup-'), 'backup.tar.gz');
      const importing = recordObservations({ db: ctx.database.db, now }, rows, {
        locale: 'vi',
        mode: 'all',
        acknowledgeWarnings: true,
      });
      const backup = writeBackup(file, { handle: ctx.database, filesDir: ctx.filesDir, now });
      const [imported] = await Promise.all([importing, backup]);
      expect(imported.stored).toBe(rows.length);
      const restored = await emptyInstance('pglite');
      try {
        await restoreBackup(file, {
          handle: restored,
          filesDir: path.join(tmp('binhdang-restored-'), 'files'),
          now,
        });
        const figures = (await fingerprint(restored.db)).counts.observations!;
        expect([before, before + rows.length]).toContain(figures);
      } finally {
        await restored.close();
      }
    });
  });
}

describe('daily backups (BINHDANG_BACKUP_DIR, BINHDANG_BACKUP_KEEP)', () => {
  const ctx = useTestApp({ now });

  it('takes the day’s backup once across processes, names it by the day in Vietnam, and keeps the newest', async () => {
    const dir = tmp('binhdang-daily-');
    // Archives of earlier days, and a file of someone else's that pruning must leave alone.
    for (const day of ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'])
      fs.writeFileSync(path.join(dir, `binhdang-${day}.tar.gz`), 'old');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
    // 10/12 at 20:00 UTC is already 11/12 in Vietnam.
    const late = () => new Date('2026-12-10T20:00:00Z');
    const deps = { handle: ctx.database, filesDir: ctx.filesDir, now: late, dir, keep: 3 };
    // Two processes' schedulers at once: one takes the backup, the other finds the day taken.
    const runs = await Promise.all([runDailyBackup(deps), runDailyBackup(deps)]);
    expect(runs.filter((r) => r !== null)).toEqual([path.join(dir, 'binhdang-2026-12-11.tar.gz')]);
    expect(await runDailyBackup(deps)).toBeNull();
    expect(fs.readdirSync(dir).sort()).toEqual([
      'binhdang-2026-12-03.tar.gz',
      'binhdang-2026-12-04.tar.gz',
      'binhdang-2026-12-11.tar.gz',
      'notes.txt',
    ]);
    const [run] = await queryRows<{ outcome: string; finished: boolean }>(
      ctx.database.db,
      sql`select outcome, finished_at is not null as finished from scheduled_runs where job = 'backup.daily'`,
    );
    expect(run).toEqual({ outcome: 'binhdang-2026-12-11.tar.gz', finished: true });
    expect(vietnamDay(new Date('2026-12-10T16:59:59Z'))).toBe('2026-12-10');
    expect(vietnamDay(new Date('2026-12-10T17:00:00Z'))).toBe('2026-12-11');
  });
});
