import { defineConfig } from 'vitest/config';

// Two projects: fast unit + HTTP integration tests (a fresh database per file), and browser flows in
// Debian's Chromium (one file at a time so Chromium starts once per file, not per worker).
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'] },
      },
      {
        extends: true,
        // A browser flow signs in, fills forms and waits for re-renders: on two shared cores one can pass 30 s.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
