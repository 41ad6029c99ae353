import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, headless; never a downloaded browser. Flags keep it off the (closed) network. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
  // Printed so that a CI log shows which browser the browser tests ran in.
  console.log(
    `browser tests: Chromium ${browser.version()} (${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'})`,
  );
  return browser;
}
