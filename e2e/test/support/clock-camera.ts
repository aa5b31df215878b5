import type { BrowserContext } from 'playwright-core';
import { clockPictureScript } from './clock-picture.ts';

/** The clock camera's picture size and frame rate (a webcam's 360p at a webinar's 15 frames a second). */
export const CLOCK_CAMERA = { width: 640, height: 360, fps: 15 } as const;

/**
 * Gives every page of the context a camera whose picture shows the wall-clock time
 * (`drawClockPicture`): `getUserMedia` answers a video request with a canvas captured at 15 frames
 * a second, redrawn 30 times a second so the time in a frame is at most a frame old when it is
 * captured, and an audio request with the browser's own (fake) microphone. Each caller gets its own
 * clone of the canvas track, so a track the page stops (a device switch) leaves the canvas running.
 */
export async function installClockCamera(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content: `${clockPictureScript()}\n(${clockCamera.toString()})(${JSON.stringify(CLOCK_CAMERA)});`,
  });
}

/** Runs in the page (self-contained): replaces getUserMedia's camera with the clock canvas. */
function clockCamera(size: { width: number; height: number; fps: number }): void {
  const devices = navigator.mediaDevices;
  if (!devices?.getUserMedia) return;
  const original = devices.getUserMedia.bind(devices);
  let canvasTrack: MediaStreamTrack | undefined;
  const draw = (
    globalThis as unknown as {
      drawClockPicture: (c: CanvasRenderingContext2D, w: number, h: number, ms: number) => void;
    }
  ).drawClockPicture;
  const camera = () => {
    if (!canvasTrack) {
      const canvas = document.createElement('canvas');
      canvas.width = size.width;
      canvas.height = size.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D canvas for the clock camera');
      const redraw = () => draw(context, size.width, size.height, Date.now());
      redraw();
      setInterval(redraw, 1000 / (2 * size.fps));
      canvasTrack = canvas.captureStream(size.fps).getVideoTracks()[0]!;
    }
    return canvasTrack.clone();
  };
  devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    const tracks: MediaStreamTrack[] = [];
    if (constraints?.audio) tracks.push(...(await original({ audio: constraints.audio })).getAudioTracks());
    if (constraints?.video) tracks.push(camera());
    return new MediaStream(tracks);
  };
}
