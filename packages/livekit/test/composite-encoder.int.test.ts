import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompositeEncoder } from '../src/recorder/composite-encoder.ts';
import { toPgmYuv } from '../src/recorder/pgmyuv-frame.ts';

const run = promisify(execFile);
const canvas = { width: 1280, height: 720, framerate: 30, videoBitrateKbps: 3000 };

/** A uniform picture: every luma sample `luma`, chroma neutral. */
function flat(width: number, height: number, luma: number): Uint8Array {
  const data = new Uint8Array(width * height + 2 * (width / 2) * (height / 2));
  data.fill(luma, 0, width * height);
  data.fill(128, width * height);
  return data;
}

/** The luma planes of the file's frames, at the canvas size. */
async function lumaFrames(file: string): Promise<Buffer[]> {
  const child = spawn(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'yuv420p', 'pipe:1'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const chunks: Buffer[] = [];
  for await (const chunk of child.stdout) chunks.push(chunk as Buffer);
  const all = Buffer.concat(chunks);
  // yuv420p as written (a gray conversion would stretch the video range): the Y plane of each frame.
  const luma = canvas.width * canvas.height;
  const size = (luma * 3) / 2;
  return Array.from({ length: all.byteLength / size }, (_, i) => all.subarray(i * size, i * size + luma));
}

const at = (frame: Buffer, x: number, y: number) => frame[y * canvas.width + x] as number;

describe('the composite encoder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'composite-encoder-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every frame, fitted into the canvas, when the pictures change size mid-stream', async () => {
    const outputPath = path.join(dir, 'switches.mp4');
    const encoder = new CompositeEncoder({
      ffmpegPath: 'ffmpeg',
      outputPath,
      encoding: canvas,
      video: true,
      audio: true,
    });
    // A camera (16:9), a 4:3 camera, a full-HD screen share: 20 frames each, as the layout switches.
    const parts = [
      { image: toPgmYuv({ width: 640, height: 360, data: flat(640, 360, 200) }, canvas), luma: 200 },
      { image: toPgmYuv({ width: 320, height: 240, data: flat(320, 240, 80) }, canvas), luma: 80 },
      { image: toPgmYuv({ width: 1920, height: 1080, data: flat(1920, 1080, 160) }, canvas), luma: 160 },
    ];
    // Pictures and sound in step, one frame's worth (1600 samples) each, as the recorder's clock writes them.
    const images = parts.flatMap(({ image }) => Array.from({ length: 20 }, () => image));
    let pictures = 0;
    let sounds = 0;
    while (pictures < images.length || sounds < images.length) {
      let wrote = false;
      if (pictures < images.length && pictures <= sounds && encoder.videoReady) {
        encoder.writeVideo(images[pictures++]!);
        wrote = true;
      }
      if (sounds < images.length && sounds <= pictures && encoder.audioReady) {
        encoder.writeAudio(new Int16Array(1600 * 2));
        sounds++;
        wrote = true;
      }
      if (!wrote) await encoder.drained();
    }
    await encoder.finish();

    const { stdout } = await run('ffprobe', [
      ...['-v', 'error', '-count_frames', '-select_streams', 'v:0'],
      ...['-show_entries', 'stream=width,height,nb_read_frames', '-of', 'json', outputPath],
    ]);
    expect(JSON.parse(stdout).streams[0]).toEqual({ width: 1280, height: 720, nb_read_frames: '60' });
    const frames = await lumaFrames(outputPath);
    expect(frames).toHaveLength(60);
    const centre = frames.map((frame) => at(frame, 640, 360));
    parts.forEach(({ luma }, part) => {
      for (const value of centre.slice(part * 20, part * 20 + 20))
        expect(Math.abs(value - luma)).toBeLessThan(8);
    });
    // The 4:3 picture stands between black bars; the others fill the canvas.
    expect(at(frames[30]!, 20, 360)).toBeLessThan(24);
    expect(at(frames[50]!, 20, 360)).toBeGreaterThan(150);
  });

  it('says why when ffmpeg fails', async () => {
    const encoder = new CompositeEncoder({
      ffmpegPath: 'ffmpeg',
      outputPath: path.join(dir, 'missing-dir', 'x.mp4'),
      encoding: canvas,
      video: true,
      audio: false,
    });
    encoder.writeVideo(toPgmYuv({ width: 64, height: 36, data: flat(64, 36, 100) }, canvas));
    await expect(encoder.finish()).rejects.toThrow(/ffmpeg exited with code \d+: .*missing-dir/s);
    expect(encoder.running).toBe(false);
  });
});
