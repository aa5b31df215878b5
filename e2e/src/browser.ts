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

/** The files a fake camera and microphone play, looped (see makeFakeMedia). */
export interface FakeMediaFiles {
  /** A .y4m video. */
  video: string;
  /** A .wav sound. */
  audio: string;
}

/**
 * Chromium's fake devices fed from files. With the fake UI, a screen share (getDisplayMedia) is
 * accepted at once too, and shows Chromium's own generated screen.
 */
export function fakeMediaFileArgs(files: FakeMediaFiles): string[] {
  return [
    ...fakeMediaArgs,
    `--use-file-for-fake-video-capture=${files.video}`,
    `--use-file-for-fake-audio-capture=${files.audio}`,
  ];
}

/**
 * Starts Debian's Chromium headless (CHROMIUM_PATH overrides the binary). Playwright gives every
 * launch a fresh temporary user-data-dir and removes it on close, so no profile leaks between tests.
 * `fakeMedia` gives pages a fake camera and microphone: Chromium's own pattern and beep (`true`),
 * or the given files. `args` adds Chromium flags (e.g. `--lang=en-US` for the browser's own language).
 */
export async function launchBrowser(
  options: { fakeMedia?: boolean | FakeMediaFiles; args?: readonly string[] } = {},
): Promise<Browser> {
  const media =
    options.fakeMedia === true
      ? fakeMediaArgs
      : options.fakeMedia
        ? fakeMediaFileArgs(options.fakeMedia)
        : [];
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...chromiumArgs, ...media, ...(options.args ?? [])],
  });
}
