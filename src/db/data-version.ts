import { eq } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { dataVersion } from './schema.js';

/**
 * The count of committed audited writes (migration 0009 bumps it as each one commits, in commit order): an answer
 * computed after reading version V holds every write up to V, so it stays right until the version moves.
 */
export async function readDataVersion(db: Executor): Promise<number> {
  const [row] = await db
    .select({ version: dataVersion.version })
    .from(dataVersion)
    .where(eq(dataVersion.id, 1));
  return row?.version ?? 0;
}

/** The channel on which the embedded database announces each committed change of the data version (0013). */
export const DATA_VERSION_CHANNEL = 'binhdang_data_version';

/** The current data version, as cheaply as the database allows; each call sees every write finished before it. */
export type DataVersionSource = () => Promise<number>;

/**
 * A read for a crowd: one at a time, and the callers arriving while one runs share the next, which starts after
 * they all asked, so each caller sees every write that had finished when it asked.
 */
export function sharedReads<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p: Promise<T> = read().finally(() => {
      if (running === p) running = null;
    });
    running = p;
    return p;
  };
  return () => {
    if (!running) return start();
    queued ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}

/** PostgreSQL: other processes write too, so the version is read from the database, once per crowd. */
export function polledDataVersion(db: Executor): DataVersionSource {
  return sharedReads(() => readDataVersion(db));
}

/**
 * The embedded database: this process is its only writer and its one connection is told of each change at commit
 * (`subscribe` calls back before the writer's commit returns), so the version read once is kept until then. A read
 * that a change overtook is answered but not kept.
 */
export async function announcedDataVersion(
  db: Executor,
  subscribe: (onChange: () => void) => Promise<unknown>,
): Promise<DataVersionSource> {
  let known: number | null = null;
  let changes = 0;
  await subscribe(() => {
    known = null;
    changes++;
  });
  const read = polledDataVersion(db);
  return async () => {
    if (known !== null) return known;
    const before = changes;
    const version = await read();
    if (changes === before) known = version;
    return version;
  };
}
