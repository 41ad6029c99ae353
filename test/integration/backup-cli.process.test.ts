import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../../src/db/connection.js';
import { ROOT, runCli } from '../support/process.js';

/** The README's backup and restore commands, run as an operator runs them: `npx binhdang …` on the embedded database. */
describe('binhdang backup and restore on the command line', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tmp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'binhdang-cli-backup-'));
    dirs.push(dir);
    return dir;
  };

  const run = (args: string[], dataDir: string) => {
    const env: NodeJS.ProcessEnv = { ...process.env, BINHDANG_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    delete env.BINHDANG_FILES_DIR;
    return runCli(args, env);
  };

  it(
    'backs up one instance and restores it into a new one, and not twice',
    { timeout: 240_000 },
    async () => {
      const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
      for (const command of [
        'npx binhdang backup ',
        'npx binhdang restore ',
        'npx binhdang export --format csv ',
        'BINHDANG_BACKUP_DIR',
      ])
        expect(readme).toContain(command);

      const source = tmp();
      const made = await run(
        ['user', 'create', '--admin', '--username', 'quantri.saoluu', '--password', 'mat-khau-sao-luu-2026'],
        source,
      );
      expect(made.code, made.stderr).toBe(0);
      fs.mkdirSync(path.join(source, 'files', 'attachments'), { recursive: true });
      fs.writeFileSync(path.join(source, 'files', 'attachments', 'bien-ban.pdf'), '%PDF-1.4 biên bản\n');

      const file = path.join(tmp(), 'sao-luu.tar.gz');
      const backup = await run(['backup', file], source);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain('Đã sao lưu');

      const target = path.join(tmp(), 'data');
      const restore = await run(['restore', file], target);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toContain('Đã khôi phục');
      expect(fs.readFileSync(path.join(target, 'files', 'attachments', 'bien-ban.pdf'), 'utf8')).toBe(
        '%PDF-1.4 biên bản\n',
      );

      const exported = path.join(tmp(), 'xuat');
      const exportRun = await run(['export', '--format', 'csv', exported], target);
      expect(exportRun.code, exportRun.stderr).toBe(0);
      expect(fs.readdirSync(exported)).toEqual(
        expect.arrayContaining(['manifest.json', 'figures.csv', 'audit_log.csv']),
      );

      const again = await run(['restore', file], target);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('--replace');

      const database = await openDatabase({ kind: 'pglite', dataDir: target });
      try {
        const users = await queryRows<{ username: string }>(
          database.db,
          sql`select username from users where username = 'quantri.saoluu'`,
        );
        expect(users).toHaveLength(1);
      } finally {
        await database.close();
      }
    },
  );
});
