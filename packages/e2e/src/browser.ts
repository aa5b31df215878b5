import { type Browser, chromium } from 'playwright-core';

/** Flags that keep Chromium quiet and deterministic: no GPU, no QUIC, nothing phoning home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Starts Debian's Chromium headless (CHROMIUM_PATH overrides the binary). Playwright gives every
 * launch a fresh temporary user-data-dir and removes it on close, so no profile leaks between tests.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  });
}
