import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { launchBrowser } from '../support/browser.js';
import { buildApp } from '../../src/server/app.js';
import { useBrowserHarness } from './harness.js';

/**
 * A provincial intranet serves the app as http://binhdang.local:3000: not localhost (which browsers treat as
 * secure), not TLS. The page must render there; a CSP that upgrades requests to https would leave it blank.
 */
const h = useBrowserHarness();
const HOST = 'binhdang.local';

let lan: Browser;
let tlsApp: FastifyInstance;
let tlsPort: number;
beforeAll(async () => {
  // The host name resolves to this machine only inside this browser: no real network name is involved.
  lan = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
  // The same data served as if behind a TLS proxy: upgrade-insecure-requests is on.
  tlsApp = await buildApp({ database: h.server.database, logger: false, behindTls: true });
  await tlsApp.listen({ host: '127.0.0.1', port: 0 });
  tlsPort = (tlsApp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await tlsApp?.close();
  await lan?.close();
});

async function planRowsAt(url: string): Promise<number> {
  const context = await lan.newContext({ locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page
      .getByTestId('plan-row')
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(() => undefined);
    return await page.getByTestId('plan-row').count();
  } finally {
    await context.close();
  }
}

describe('plain HTTP on a LAN host name', () => {
  it('shows the app at http://binhdang.local:<port>/', async () => {
    const port = new URL(h.url).port;
    expect(await planRowsAt(`http://${HOST}:${port}/`)).toBeGreaterThan(0);
  });

  it('would stay blank there if the app declared itself behind TLS (the header is what matters)', async () => {
    expect(await planRowsAt(`http://${HOST}:${tlsPort}/`)).toBe(0);
  });
});
