import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

// The server serves the built app; `npm test` builds it first (`npx vite build`).
const WEB_INDEX = path.resolve(import.meta.dirname, '../../dist/web/index.html');

export type Locator = ReturnType<Page['locator']>;

/** textContent, not innerText: badges are upper-cased by CSS, the words themselves are not. */
export const text = async (locator: Locator): Promise<string> => (await locator.textContent()) ?? '';

/** What a browser test file works with; the fields are set by the hooks `useBrowserHarness` registers. */
export interface BrowserHarness {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The id of the demo provincial plan. */
  planId: string;
  /** The server's base URL. */
  readonly url: string;
}

/**
 * Registers the hooks every browser test file needs: one server with the demo data and one Chromium per file,
 * a fresh browser context per test (no language choice or cache carried over), and a check that the app
 * threw no uncaught exception, which fails the test even when the page happened to look right.
 */
export function useBrowserHarness(): BrowserHarness {
  let pageErrors: string[] = [];
  const harness = {
    get url() {
      return harness.server.url;
    },
  } as BrowserHarness;

  beforeAll(async () => {
    if (!fs.existsSync(WEB_INDEX)) throw new Error('dist/web is missing: run `npx vite build` first');
    [harness.server, harness.browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    const res = await fetch(`${harness.server.url}/api/plans`);
    const body = (await res.json()) as { items: { id: string; isDemo: boolean }[] };
    const demo = body.items.find((p) => p.isDemo);
    if (!demo) throw new Error('the demo plan was not loaded');
    harness.planId = demo.id;
  });

  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });

  beforeEach(async () => {
    harness.context = await harness.browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'vi-VN',
    });
    harness.page = await harness.context.newPage();
    harness.page.setDefaultTimeout(10_000);
    pageErrors = [];
    harness.page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  afterEach(async () => {
    await harness.context?.close();
    expect(pageErrors).toEqual([]);
  });

  return harness;
}
