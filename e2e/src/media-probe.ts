import type { BrowserContext, Page } from 'playwright-core';

/**
 * What a page receives over WebRTC, summed over its peer connections' `getStats`: video frames
 * decoded, and the energy of the sound that came in (zero for silence).
 */
export interface InboundMedia {
  framesDecoded: number;
  audioEnergy: number;
  videoTracks: number;
  audioTracks: number;
}

/** How a page's `<video>` elements stand: how far each has played and how many frames it showed. */
export interface VideoElementState {
  label: string;
  currentTime: number;
  frames: number;
  width: number;
}

/** A camera, microphone or screen track the page asked the browser for. */
export interface LocalTrackState {
  kind: string;
  label: string;
  readyState: MediaStreamTrackState;
}

interface ProbeWindow {
  __peerConnections: RTCPeerConnection[];
  __localTracks: MediaStreamTrack[];
  __firstFrameAt: number | null;
  __clickedAt: Record<string, number>;
}

/**
 * Watches the context's pages from their first script: every RTCPeerConnection they make is kept
 * (for `getStats`), and every camera, microphone and screen track they get; the moment a `<video>`
 * first shows a frame is noted, and so is each click on a button, by its text. Nothing in the
 * app changes.
 */
export async function installMediaProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const probe = window as unknown as ProbeWindow;
    probe.__peerConnections = [];
    probe.__localTracks = [];
    probe.__firstFrameAt = null;
    probe.__clickedAt = {};
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        probe.__peerConnections.push(this);
      }
    };
    const devices = navigator.mediaDevices;
    if (devices) {
      const keep = (stream: MediaStream) => {
        probe.__localTracks.push(...stream.getTracks());
        return stream;
      };
      const getUserMedia = devices.getUserMedia.bind(devices);
      const getDisplayMedia = devices.getDisplayMedia.bind(devices);
      devices.getUserMedia = (constraints) => getUserMedia(constraints).then(keep);
      devices.getDisplayMedia = (options) => getDisplayMedia(options).then(keep);
    }
    const watch = (video: HTMLVideoElement) => {
      video.requestVideoFrameCallback(() => {
        probe.__firstFrameAt ??= performance.now();
      });
    };
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLElement)
            for (const video of node instanceof HTMLVideoElement ? [node] : node.querySelectorAll('video'))
              watch(video);
    }).observe(document, { childList: true, subtree: true });
    document.addEventListener(
      'click',
      (event) => {
        const button = (event.target as Element | null)?.closest('button');
        if (button?.textContent) probe.__clickedAt[button.textContent.trim()] = performance.now();
      },
      true,
    );
  });
}

/** The page's inbound media so far (see installMediaProbe). */
export async function readInboundMedia(page: Page): Promise<InboundMedia> {
  return page.evaluate(async () => {
    const totals = { framesDecoded: 0, audioEnergy: 0, videoTracks: 0, audioTracks: 0 };
    for (const connection of (window as unknown as ProbeWindow).__peerConnections) {
      if (connection.connectionState === 'closed') continue;
      const stats = await connection.getStats();
      stats.forEach((report: Record<string, unknown>) => {
        if (report.type !== 'inbound-rtp') return;
        if (report.kind === 'video') {
          totals.videoTracks++;
          totals.framesDecoded += Number(report.framesDecoded ?? 0);
        } else if (report.kind === 'audio') {
          totals.audioTracks++;
          totals.audioEnergy += Number(report.totalAudioEnergy ?? 0);
        }
      });
    }
    return totals;
  });
}

/** The camera, microphone and screen tracks the page has asked for so far, live or ended. */
export async function readLocalTracks(page: Page): Promise<LocalTrackState[]> {
  return page.evaluate(() =>
    (window as unknown as ProbeWindow).__localTracks.map((track) => ({
      kind: track.kind,
      label: track.label,
      readyState: track.readyState,
    })),
  );
}

/** Every `<video>` inside `selector`, with what it has played. */
export async function readVideoElements(page: Page, selector: string): Promise<VideoElementState[]> {
  return page.$$eval(`${selector} video`, (videos) =>
    (videos as HTMLVideoElement[]).map((video) => ({
      label: video.closest('figure')?.querySelector('figcaption')?.textContent ?? '',
      currentTime: video.currentTime,
      frames: video.getVideoPlaybackQuality().totalVideoFrames,
      width: video.videoWidth,
    })),
  );
}

/**
 * Milliseconds from the last click on the button with this text to the first frame any `<video>`
 * showed after it; null while none has.
 */
export async function readTimeToFirstFrame(page: Page, buttonText: string): Promise<number | null> {
  return page.evaluate((text) => {
    const probe = window as unknown as ProbeWindow;
    const clicked = probe.__clickedAt[text];
    if (clicked === undefined || probe.__firstFrameAt === null) return null;
    return probe.__firstFrameAt - clicked;
  }, buttonText);
}
