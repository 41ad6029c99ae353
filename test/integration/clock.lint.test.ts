import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The project's ESLint configuration refuses to read the real time in server code outside src/core/clock.ts:
 * `new Date()` without arguments, `Date.now()` and `Date()`. Checked on a snippet linted as if it were one of
 * the project's files (typed linting needs a path the TypeScript project knows).
 */

const SNIPPET = [
  'export const a = () => new Date();',
  'export const b = () => Date.now();',
  'export const c = () => Date();',
  "export const fine = new Date('2026-06-05T00:00:00Z');",
  'export const alsoFine = (ms: number) => new Date(ms);',
  '',
].join('\n');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** Lines of the snippet where the clock rule fires, linted as `filePath`. */
async function clockViolations(filePath: string): Promise<number[]> {
  const [result] = await eslint.lintText(SNIPPET, { filePath });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, JSON.stringify(fatal)).toEqual([]);
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-syntax' && m.message.includes('injected clock'))
    .map((m) => m.line);
}

describe('the one-clock lint rule', () => {
  it('fires on new Date(), Date.now() and Date() in a module, a domain file and a server file', async () => {
    for (const file of ['src/modules/plans/plans.service.ts', 'src/domain/cycles.ts', 'src/server/app.ts']) {
      expect(await clockViolations(file), file).toEqual([1, 2, 3]);
    }
  }, 180_000);

  it('allows the clock itself, and the web app (the browser’s clock)', async () => {
    expect(await clockViolations('src/core/clock.ts')).toEqual([]);
    expect(await clockViolations('src/web/format.ts')).toEqual([]);
  }, 180_000);
});
