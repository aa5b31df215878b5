import type { BrowserContext, Page } from 'playwright-core';
import { clockPictureScript } from './clock-picture.ts';

/**
 * Prepares an anonymous viewer's context: every hls.js instance the page makes is kept (as
 * `window.hlsInstances`), so the test can read the playing position's `EXT-X-PROGRAM-DATE-TIME`
 * (`hls.playingDate`) without the player exposing it, and the clock code's reader is in the page.
 * Returns the origins of every request the context makes (http and https only: `blob:` and
 * `data:` URLs go nowhere), and each answer of 400 or above as it arrives.
 */
export async function prepareViewer(
  context: BrowserContext,
): Promise<{ origins: Set<string>; failures: PageEvent[] }> {
  await context.addInitScript({ content: `${clockPictureScript()}\n(${keepHlsInstances.toString()})();` });
  const origins = new Set<string>();
  const failures: PageEvent[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'http:' || url.protocol === 'https:') origins.add(url.origin);
  });
  context.on('response', (response) => {
    if (response.status() >= 400)
      failures.push({ at: Date.now(), what: 'http error', detail: `${response.status()} ${response.url()}` });
  });
  return { origins, failures };
}

/** Something the viewer's page did, by the page's clock (the test's clock: same machine). */
export interface PageEvent {
  at: number;
  what: 'state' | 'load' | 'playing' | 'hls error' | 'http error';
  /** The new state, the playlist loaded, the position played from, or the error. */
  detail: string;
}

/**
 * Runs in the page (self-contained): wraps the Hls class hls.js defines, recording each instance;
 * counts the times a video stopped for want of data (`waiting`); and notes the page's state
 * changes (`data-state`), each playlist hls.js is given, each start of playing and each hls.js
 * error in `window.pageEvents`, so a slow step can be named afterwards to the millisecond.
 */
function keepHlsInstances(): void {
  const page = window as unknown as {
    Hls?: unknown;
    hlsInstances: unknown[];
    videoStalls: number;
    pageEvents: Array<{ at: number; what: string; detail: string }>;
  };
  page.hlsInstances = [];
  page.pageEvents = [];
  const note = (what: string, detail: string) => page.pageEvents.push({ at: Date.now(), what, detail });
  // Media events do not bubble; a listener on the document in the capture phase hears them all.
  page.videoStalls = 0;
  document.addEventListener('waiting', () => (page.videoStalls += 1), true);
  document.addEventListener(
    'playing',
    (event) => note('playing', String((event.target as HTMLMediaElement).currentTime)),
    true,
  );
  new MutationObserver((changes) => {
    for (const change of changes) note('state', (change.target as Element).getAttribute('data-state') ?? '');
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  let wrapped: unknown;
  Object.defineProperty(window, 'Hls', {
    configurable: true,
    get: () => wrapped,
    set: (Hls: new (...args: unknown[]) => object) => {
      wrapped = new Proxy(Hls, {
        construct(target, args, newTarget) {
          const instance = Reflect.construct(target, args, newTarget) as {
            loadSource(url: string): void;
            on(
              event: string,
              listener: (name: string, data: { details: string; fatal: boolean }) => void,
            ): void;
          };
          const loadSource = instance.loadSource.bind(instance);
          instance.loadSource = (url: string) => {
            note('load', url);
            loadSource(url);
          };
          instance.on('hlsError', (_name, data) =>
            note('hls error', `${data.details}${data.fatal ? ' (fatal)' : ''}`),
          );
          page.hlsInstances.push(instance);
          return instance;
        },
      });
    },
  });
}

/** What the viewer's page did since `since` (ms, the same clock), in order. */
export async function readPageEvents(page: Page, since: number): Promise<PageEvent[]> {
  const events = await page.evaluate(
    () => (window as unknown as { pageEvents?: PageEvent[] }).pageEvents ?? [],
  );
  return events.filter((event) => event.at >= since);
}

/** The page's video as the viewer sees it. */
export async function readViewerVideo(page: Page) {
  return page.evaluate(() => {
    const video = document.querySelector('video');
    return {
      found: video !== null,
      currentTime: video?.currentTime ?? 0,
      paused: video?.paused ?? true,
      height: video?.videoHeight ?? 0,
      src: video?.currentSrc ?? '',
    };
  });
}

/** One look at what the viewer's video shows, against the clocks. */
export interface LatencySample {
  /** The wall-clock time drawn into the frame on show (the host's camera), or null if unreadable. */
  drawnAt: number | null;
  /** When the frame was read, by the same clock. */
  readAt: number;
  /** hls.js's `playingDate`: the program date-time of the playing position, in ms, or null. */
  programDateTime: number | null;
  /** hls.js's own estimate of the distance to the live edge, in seconds, and its target. */
  hlsLatency: number | null;
  hlsTargetLatency: number | null;
  /** The rendition playing (its picture height), the position, and the stalls so far. */
  height: number;
  currentTime: number;
  stalls: number;
}

/** Reads the clock code from the frame the video shows now (drawn into a small canvas). */
export async function sampleLatency(page: Page): Promise<LatencySample> {
  return page.evaluate(() => {
    const video = document.querySelector('video');
    const page = window as unknown as {
      hlsInstances?: Array<{ playingDate?: Date | null; latency?: number; targetLatency?: number | null }>;
      videoStalls?: number;
    };
    const hls = page.hlsInstances?.at(-1);
    const read = (globalThis as unknown as { readClockPicture: (image: ImageData) => number | null })
      .readClockPicture;
    let drawnAt: number | null = null;
    if (video && video.videoWidth > 0) {
      // At most 320 pixels wide: the code's blocks stay 18 pixels wide, and reading costs the
      // page little, on a machine where the viewer's decoding competes with the encoder.
      const scale = Math.min(1, 320 / video.videoWidth);
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      const context = canvas.getContext('2d', { willReadFrequently: true });
      context?.drawImage(video, 0, 0, canvas.width, canvas.height);
      if (context) drawnAt = read(context.getImageData(0, 0, canvas.width, canvas.height));
    }
    return {
      drawnAt,
      readAt: Date.now(),
      programDateTime: hls?.playingDate?.getTime() ?? null,
      hlsLatency: Number.isFinite(hls?.latency) ? hls!.latency! : null,
      hlsTargetLatency: hls?.targetLatency ?? null,
      height: video?.videoHeight ?? 0,
      currentTime: video?.currentTime ?? 0,
      stalls: page.videoStalls ?? 0,
    };
  });
}

/** Median and maximum of a list of numbers (null when empty). */
export function medianAndMax(values: number[]): { median: number; max: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, max: sorted[sorted.length - 1]! };
}

/**
 * Samples the viewer's video `count` times, `everyMs` apart, and sums up the latency: glass to
 * glass (read − drawn: the camera's clock to the viewer's screen), the stream's program date-time
 * against the drawn time (how far the PDT stamped on segments is from the capture clock), and
 * the viewer's distance behind the PDT (read − PDT).
 */
export async function measureLatency(page: Page, count = 10, everyMs = 1000) {
  const samples: LatencySample[] = [];
  for (let i = 0; i < count; i++) {
    samples.push(await sampleLatency(page));
    await page.waitForTimeout(everyMs);
  }
  const decoded = samples.filter((s) => s.drawnAt !== null);
  const withDate = decoded.filter((s) => s.programDateTime !== null);
  return {
    samples,
    decoded: decoded.length,
    stalls: samples[samples.length - 1]!.stalls - samples[0]!.stalls,
    hlsLatencySeconds: medianAndMax(samples.flatMap((s) => (s.hlsLatency === null ? [] : [s.hlsLatency]))),
    glassToGlassMs: medianAndMax(decoded.map((s) => s.readAt - s.drawnAt!)),
    programDateTimeMinusDrawnMs: medianAndMax(withDate.map((s) => s.programDateTime! - s.drawnAt!)),
    behindProgramDateTimeMs: medianAndMax(
      samples.filter((s) => s.programDateTime !== null).map((s) => s.readAt - s.programDateTime!),
    ),
  };
}
