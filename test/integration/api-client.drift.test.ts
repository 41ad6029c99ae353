import fs from 'node:fs';
import type { OpenAPI3 } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { API_SCHEMA_FILE, openApiDocument, renderApiSchema } from '../../scripts/generate-api-client.js';
import { createTestDatabase } from '../support/database.js';

let database: DatabaseHandle;
let document: OpenAPI3;
const committed = fs.readFileSync(API_SCHEMA_FILE, 'utf8');

beforeAll(async () => {
  database = await createTestDatabase();
  document = await openApiDocument(database);
});

afterAll(async () => {
  await database.close();
});

describe('the web client types generated from the OpenAPI document', () => {
  it('are the committed src/web/api/schema.gen.ts', async () => {
    expect(
      await renderApiSchema(document),
      'src/web/api/schema.gen.ts differs from the route schemas: run `npm run api:generate` and commit it',
    ).toBe(committed);
  });

  it('change when a route schema changes (the check above can fail)', async () => {
    // A property added to /api/health's answer, as a new field in its zod schema would add it.
    const changed = structuredClone(document);
    const health = changed.paths?.['/api/health'];
    const get = health && 'get' in health ? health.get : undefined;
    const ok = get && 'responses' in get ? get.responses?.['200'] : undefined;
    const schema = ok && 'content' in ok ? ok.content?.['application/json']?.schema : undefined;
    if (!schema || !('properties' in schema)) throw new Error('/api/health has no answer schema');
    schema.properties = { ...schema.properties, uptime: { type: 'number' } };

    const text = await renderApiSchema(changed);
    expect(text).not.toBe(committed);
    expect(text).toContain('uptime?: number;');
  });
});
