import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/connection.js';
import { ensureReferenceData } from '../../src/db/reference/reference-data.js';
import { PGlite } from '@electric-sql/pglite';
import { withDatabase } from './postgres-scratch.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string | null;
  }
}

/**
 * Builds one migrated database with the reference data, once per run: a PGlite dump that each test file
 * loads, and (when TEST_DATABASE_URL is set) a PostgreSQL template database that each test file copies.
 */
export default async function setup(project: TestProject) {
  const dumpPath = path.join(os.tmpdir(), `binhdang-test-${process.pid}-${project.name}.tar`);
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  await ensureReferenceData(handle.db);
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteDump', dumpPath);

  const url = process.env.TEST_DATABASE_URL;
  let template: string | null = null;
  if (url) {
    template = `binhdang_tpl_${process.pid}_${project.name}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    await admin.end();
    const pgHandle = await openDatabase({ kind: 'postgres', url: withDatabase(url, template) });
    await ensureReferenceData(pgHandle.db);
    await pgHandle.close();
  }
  project.provide('pgTemplate', template);

  return async () => {
    fs.rmSync(dumpPath, { force: true });
    if (url && template) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    }
  };
}
