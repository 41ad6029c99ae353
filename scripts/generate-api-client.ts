/**
 * `npm run api:generate`: writes the web client's types (src/web/api/schema.gen.ts) from the API's OpenAPI
 * document, the one served at /api/docs/json, built from the zod route schemas. The app is built in-process on an
 * in-memory embedded database; nothing listens. `npm run api:check` (and a unit test) fail when the committed file
 * differs from what the route schemas give now.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import * as prettier from 'prettier';
import { openDatabase, type DatabaseHandle } from '../src/db/connection.js';
import { buildApp } from '../src/server/app.js';

export const API_SCHEMA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../src/web/api/schema.gen.ts',
);

const HEADER = `/**
 * Generated from the API's OpenAPI document (/api/docs/json) by \`npm run api:generate\`
 * (scripts/generate-api-client.ts). Do not edit: change the route schemas and generate again.
 */
`;

/** The OpenAPI document of the app built on `database`, as /api/docs/json serves it. */
export async function openApiDocument(database: DatabaseHandle): Promise<OpenAPI3> {
  const app = await buildApp({ database, serveWeb: false, logger: false });
  try {
    await app.ready();
    return app.swagger() as OpenAPI3;
  } finally {
    await app.close();
  }
}

/** The TypeScript text of `paths` and `components` for a document, formatted as the repository's code is. */
export async function renderApiSchema(document: OpenAPI3): Promise<string> {
  const text = HEADER + astToString(await openapiTS(document));
  const options = await prettier.resolveConfig(API_SCHEMA_FILE);
  return prettier.format(text, { ...options, filepath: API_SCHEMA_FILE });
}

/** The generated file's text from the current route schemas (an in-memory embedded database, closed after). */
export async function generateApiSchema(): Promise<string> {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    return await renderApiSchema(await openApiDocument(database));
  } finally {
    await database.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await generateApiSchema();
  await fs.writeFile(API_SCHEMA_FILE, text);
  console.log(`${path.relative(process.cwd(), API_SCHEMA_FILE)}: ${text.split('\n').length} lines`);
}
