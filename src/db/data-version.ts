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
