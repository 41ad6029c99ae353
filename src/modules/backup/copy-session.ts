import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { DatabaseHandle } from '../../db/connection.js';
import { copyInStatement, copyOutStatement, DUMP_SETTINGS, type BackupTable } from './tables.js';

/** A table's COPY text as written: its rows (lines) and the checksum of its bytes. */
export interface CopiedTable {
  rows: number;
  sha256: string;
}

/** COPY in and out of one transaction, on either database. */
export interface CopySession {
  /** Writes the table's rows to `file` (or only measures them, with null). */
  copyOut(table: BackupTable, file: string | null): Promise<CopiedTable>;
  /** Loads a file written by `copyOut`. */
  copyIn(table: BackupTable, file: string): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

/** Counts the lines of COPY text and hashes its bytes as they pass. */
export class Measure {
  private readonly hash = createHash('sha256');
  rows = 0;
  add(chunk: Uint8Array): void {
    this.hash.update(chunk);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.rows++;
  }
  result(): CopiedTable {
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

/** A file's rows (lines) and checksum, read once as a stream: a table file of an archive, or any stored file. */
export async function measureFile(file: string): Promise<CopiedTable> {
  const measure = new Measure();
  for await (const chunk of fs.createReadStream(file)) measure.add(chunk as Buffer);
  return measure.result();
}

/**
 * Runs `work` in one transaction: `snapshot` reads one consistent state (PostgreSQL: repeatable read, read only,
 * while others keep writing; PGlite: its one connection, so writers wait), `load` writes all or nothing.
 */
export async function inCopyTransaction<T>(
  handle: DatabaseHandle,
  mode: 'snapshot' | 'load',
  work: (session: CopySession) => Promise<T>,
): Promise<T> {
  if (handle.kind === 'postgres') return inPostgres(handle.url!, mode, work);
  if (!handle.pglite) throw new Error('the embedded database handle has no PGlite client');
  return handle.pglite.transaction(async (tx) => {
    for (const setting of DUMP_SETTINGS) await tx.exec(setting);
    return work(pgliteSession(tx));
  });
}

async function inPostgres<T>(
  url: string,
  mode: 'snapshot' | 'load',
  work: (session: CopySession) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(mode === 'snapshot' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
    for (const setting of DUMP_SETTINGS) await client.query(setting);
    const session: CopySession = {
      copyOut: async (table, file) => {
        const measure = new Measure();
        const tap = new Transform({
          transform(chunk: Buffer, _enc, done) {
            measure.add(chunk);
            done(null, chunk);
          },
        });
        const sink = file ? fs.createWriteStream(file) : discard();
        await pipeline(client.query(copyTo(copyOutStatement(table, 'STDOUT'))), tap, sink);
        return measure.result();
      },
      copyIn: async (table, file) => {
        await pipeline(fs.createReadStream(file), client.query(copyFrom(copyInStatement(table, 'STDIN'))));
      },
      query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
    };
    const result = await work(session);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const discard = () =>
  new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });

/** Rows are loaded into the embedded database in pieces of about this many bytes, whole lines each. */
const PGLITE_LOAD_CHUNK = 8 * 1024 * 1024;

function pgliteSession(tx: Transaction): CopySession {
  return {
    copyOut: async (table, file) => {
      const result = await tx.query(copyOutStatement(table, "'/dev/blob'"));
      const bytes = new Uint8Array((await result.blob?.arrayBuffer()) ?? new ArrayBuffer(0));
      const measure = new Measure();
      measure.add(bytes);
      if (file) await fs.promises.writeFile(file, bytes);
      return measure.result();
    },
    copyIn: async (table, file) => {
      // Whole lines at a time, so that the WebAssembly heap holds a piece, not the table.
      const statement = copyInStatement(table, "'/dev/blob'");
      let carry = Buffer.alloc(0);
      for await (const chunk of fs.createReadStream(file, { highWaterMark: PGLITE_LOAD_CHUNK })) {
        const data = Buffer.concat([carry, chunk as Buffer]);
        const end = data.lastIndexOf(10) + 1;
        carry = data.subarray(end);
        if (end > 0) await tx.query(statement, [], { blob: new Blob([data.subarray(0, end)]) });
      }
      if (carry.length > 0) await tx.query(statement, [], { blob: new Blob([carry]) });
    },
    query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows,
  };
}
