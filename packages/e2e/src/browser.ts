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

/** A fake camera and microphone (a test pattern and a tone), allowed without a prompt. */
export const fakeMediaArgs = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

/**
 * Starts Debian's Chromium headless (CHROMIUM_PATH overrides the binary). Playwright gives every
 * launch a fresh temporary user-data-dir and removes it on close, so no profile leaks between tests.
 * `fakeMedia` gives pages a fake camera and microphone.
 */
export async function launchBrowser(options: { fakeMedia?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: options.fakeMedia ? [...chromiumArgs, ...fakeMediaArgs] : chromiumArgs,
  });
}
