import fs from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.js';
import { scratchPostgresDatabase } from './postgres-scratch.js';

/**
 * A fresh, migrated database holding the reference org units: PGlite loaded from the run's dump, or a copy
 * of the PostgreSQL template when TEST_DATABASE_URL is set (unless `kind` asks for PGlite). `close()` discards it.
 */
export async function createTestDatabase(kind?: 'pglite'): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (url && template && kind !== 'pglite') return scratchPostgresDatabase(url, 'binhdang_test', template);
  const dump = fs.readFileSync(inject('pgliteDump'));
  return openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([dump]) });
}
