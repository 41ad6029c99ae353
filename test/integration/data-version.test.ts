import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { readDataVersion } from '../../src/db/data-version.js';
import { recordAudit, SYSTEM_ACTOR } from '../../src/modules/audit/audit.repository.js';
import { createTestDatabase } from '../support/database.js';

/**
 * Public answers are kept by data version. PostgreSQL's is read from the database each time (other processes
 * write too); the embedded database's is kept in memory and dropped when a commit announces a change.
 */
describe('the data version public answers are kept by', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  const audited = (fail = false) =>
    handle.db.transaction(async (tx) => {
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'test', entity: 'data_version' }, new Date(0));
      if (fail) throw new Error('rolled back');
    });

  it('moves with each committed audited write, and not with one rolled back', async () => {
    const before = await handle.dataVersion();
    expect(before).toBe(await readDataVersion(handle.db));
    await audited();
    const after = await handle.dataVersion();
    expect(after).toBe(before + 1);
    await expect(audited(true)).rejects.toThrow('rolled back');
    expect(await handle.dataVersion()).toBe(after);
    expect(await readDataVersion(handle.db)).toBe(after);
  });

  it('is read once and kept on the embedded database, read each time on PostgreSQL', async () => {
    const known = await handle.dataVersion();
    // Moved behind the app's back (no audited write, so nothing is announced): only a source that reads the
    // database each time sees it.
    await handle.db.execute(sql`update data_version set version = version + 100 where id = 1`);
    expect(await handle.dataVersion()).toBe(handle.kind === 'pglite' ? known : known + 100);
    // An audited write is announced: the kept version is dropped and the next call reads the database.
    await audited();
    expect(await handle.dataVersion()).toBe(known + 101);
  });

  it('gives every caller at once the version as of their call, after a write that finished', async () => {
    const start = await handle.dataVersion();
    const first = await Promise.all(Array.from({ length: 5 }, () => handle.dataVersion()));
    expect(first).toEqual(Array(5).fill(start));
    await audited();
    const second = await Promise.all(Array.from({ length: 5 }, () => handle.dataVersion()));
    expect(second).toEqual(Array(5).fill(start + 1));
  });
});
