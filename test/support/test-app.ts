import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestAppOptions } from './server.js';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The app of a test file: a fresh database (with the demo only when `demo` is set), made before the file's
 * tests and closed after them. `given` runs once the app is up and makes what the tests need (sessions,
 * provinces, plans, figures); what it returns sits on the context beside the app's own fields. The context is
 * filled in `beforeAll`: read it inside hooks and tests, not at the top of the file.
 */
export function useTestApp<Given extends object = object>(
  options: TestAppOptions = {},
  given?: (app: TestApp) => Promise<Given>,
): TestApp & Given {
  const context = {} as TestApp & Given;
  beforeAll(async () => {
    Object.assign(context, await createTestApp(options));
    if (given) Object.assign(context, await given(context));
  });
  afterAll(async () => {
    await context.close?.();
  });
  return context;
}
