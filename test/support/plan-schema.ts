import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const ajv = new Ajv2020({ allErrors: true, strict: false });
// ajv-formats is CommonJS: its function is the default export's default.
(addFormatsModule as unknown as { default: (a: Ajv2020) => void }).default(ajv);

/**
 * Validates a document against the published JSON Schema of binhdang.plan/1 (docs/formats/), as another
 * program reading the format would; the errors are on `validatePlanSchema.errors`.
 */
export const validatePlanSchema = ajv.compile(
  JSON.parse(fs.readFileSync('docs/formats/binhdang.plan-1.schema.json', 'utf8')) as object,
);
