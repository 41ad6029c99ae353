import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer boundaries of docs/ARCHITECTURE.md (eslint.boundaries.js) fire under the project's real ESLint
 * configuration: each case lints a few imports as if they stood in one of the project's files (typed linting needs
 * a path the TypeScript project knows) and names the imports that must be refused and those that must pass.
 */

interface Case {
  file: string;
  refused: string[];
  allowed: string[];
}

const CASES: Case[] = [
  {
    file: 'src/domain/cycles.ts',
    refused: ['../core/clock.js', '../modules/plans/plans.service.js', 'drizzle-orm', 'zod', 'node:fs'],
    allowed: ['./period.js', './disaggregation-vocabulary.json'],
  },
  {
    file: 'src/domain/period.test.ts',
    refused: ['../db/connection.js', 'drizzle-orm'],
    allowed: ['./period.js', 'vitest', 'fast-check', 'node:fs'],
  },
  {
    file: 'src/core/actor.ts',
    refused: [
      '../server/app.js',
      '../modules/auth/auth.service.js',
      '../demo/demo.js',
      'drizzle-orm',
      '../db/schema.js',
    ],
    allowed: ['./errors.js', '../domain/permissions.js', 'fastify', 'zod'],
  },
  {
    file: 'src/db/connection.ts',
    refused: ['../modules/plans/plans.service.js', '../server/app.js', '../demo/demo.js'],
    allowed: ['./schema.js', 'drizzle-orm', '../domain/period.js'],
  },
  {
    file: 'src/modules/plans/plans.repository.ts',
    refused: ['../../server/errors.js', '../../demo/demo.js'],
    allowed: ['drizzle-orm', '../../db/schema.js', '../../db/connection.js', '../../core/errors.js'],
  },
  {
    file: 'src/modules/plans/plans.service.ts',
    refused: [
      'drizzle-orm',
      'drizzle-orm/pg-core',
      '../../db/schema.js',
      '../../server/auth.js',
      '../../demo/demo.js',
    ],
    allowed: [
      './plans.repository.js',
      '../../core/errors.js',
      '../../db/connection.js',
      '../org-units/org-units.service.js',
    ],
  },
  {
    file: 'src/modules/plans/plans.routes.ts',
    refused: [
      './plans.repository.js',
      '../org-units/org-units.repository.js',
      'drizzle-orm',
      '../../db/schema.js',
      '../../server/error-handler.js',
    ],
    allowed: ['./plans.service.js', './plans.schemas.js', '../../core/actor.js', 'zod'],
  },
  {
    file: 'src/server/app.ts',
    refused: ['drizzle-orm', '../db/schema.js'],
    allowed: ['../modules/plans/plans.routes.js', '../core/errors.js', '../db/connection.js'],
  },
  {
    file: 'src/demo/demo.ts',
    refused: ['drizzle-orm', '../db/schema.js'],
    allowed: ['../modules/plans/plans.service.js'],
  },
  {
    file: 'src/web/pages/PlanPage.tsx',
    refused: [
      '../../modules/plans/plans.schemas',
      '../../server/app',
      '../../db/connection',
      '../../core/errors',
      '../../demo/demo',
      'drizzle-orm',
      'fastify',
      '@fastify/static',
    ],
    allowed: ['../api', '../../domain/period', '@mantine/core', 'react'],
  },
];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** The imports among `specifiers` that no-restricted-imports refuses when they stand in `file`. */
async function refusedImports(file: string, specifiers: string[]): Promise<string[]> {
  const text = specifiers.map((s) => `import '${s}';`).join('\n') + '\n';
  const [result] = await eslint.lintText(text, { filePath: file });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, JSON.stringify(fatal)).toEqual([]);
  const lines = result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line);
  return [...new Set(lines)].map((line) => specifiers[line - 1]!).sort();
}

describe('the layer boundaries', () => {
  it.each(CASES)(
    '$file: refuses what crosses a boundary, allows the rest',
    async ({ file, refused, allowed }) => {
      expect(await refusedImports(file, [...refused, ...allowed])).toEqual([...refused].sort());
    },
    180_000,
  );
});
