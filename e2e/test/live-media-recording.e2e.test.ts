import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEgressByEgressId } from '@folkemote/db';
import { probeMedia } from '@folkemote/media';
import { audioRmsDb, readFrames, ssimOfPairs } from '@folkemote/media/measure';
import { until, waitForRecording } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TONE_HZ } from '../src/index.ts';
import {
  createMediaEvent,
  type MediaEvent,
  type MediaSystem,
  presenterGoesLive,
  skipReason,
  skipWithoutLiveKit,
  startMediaSystem,
} from './support/live-media-system.ts';

// The recording as a presenter makes it: started and stopped from the backstage in Chromium,
// recorded from LiveKit's real server by the recorder behind the Egress API, and published by the
// pipeline. The replay must show the fake camera's pattern and carry the fake microphone's tone.
let media: MediaSystem;
let people: MediaEvent;
let tmp: string;

beforeAll(async () => {
  if (skipWithoutLiveKit) return;
  media = await startMediaSystem({ recorder: true });
  people = await createMediaEvent(media.system, { recorded: true });
  tmp = await mkdtemp(join(tmpdir(), 'folkemote-replay-'));
});

afterAll(async () => {
  await media?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The fake camera's picture size; the replay's frames are scaled to it for comparison. */
const CAMERA = { width: 640, height: 360 };
/** The fake camera's loop: 2 s of ffmpeg's testsrc2 at 15 frames a second. */
const LOOP_FRAMES = 30;
/** Half a second along the loop: the pattern's square and counter have moved on. */
const HALF_SECOND = 7;

describe.skipIf(skipWithoutLiveKit)(
  `recording from the backstage with real media${skipWithoutLiveKit ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    it('publishes a replay that shows the presenter’s camera and carries their microphone', async () => {
      const recorder = media.recorder!;
      const { page } = await presenterGoesLive(media, people, ['Mikrofon', 'Kamera']);
      await page.getByRole('button', { name: 'Start opptak' }).click();
      const active = await until(
        async () => recorder.egress()[0],
        (info) => info?.status === 1, // EGRESS_ACTIVE: the recorder is in the room, the file has begun
        'the recorder to join the room',
        30_000,
      );
      await page.getByRole('button', { name: 'Stopp opptak' }).waitFor();
      await page.waitForTimeout(8000);
      await page.getByRole('button', { name: 'Stopp opptak' }).click();
      await page.getByRole('button', { name: 'Start opptak' }).waitFor({ timeout: 30_000 });

      const recordingId = await until(
        async () => (await findEgressByEgressId(media.system.deps.db, active!.egressId))?.recordingId ?? null,
        (id) => id !== null,
        'the recording made from the egress',
        30_000,
      );
      const { recording } = await waitForRecording(
        media.url,
        recordingId!,
        (r) => ['published', 'failed'].includes(r.state),
        240_000,
      );
      expect(recording.state, JSON.stringify(recording)).toBe('published');

      // What the public gets: the published version's download, beside its HLS renditions.
      const base = media.system.deps.s3Settings.publicBaseUrl;
      const pointer = (await (await fetch(`${base}/replays/${recordingId}/replay.json`)).json()) as {
        prefix: string;
      };
      const response = await fetch(`${base}/${pointer.prefix}download.mp4`);
      expect(response.status).toBe(200);
      const replay = join(tmp, 'replay.mp4');
      await writeFile(replay, Buffer.from(await response.arrayBuffer()));

      const pictures = await compareWithCamera(replay, media.fakeMedia.video);
      console.info(
        `replay against the camera's loop: best SSIM ${pictures.best.map((b) => b.toFixed(3)).join(' ')}; ` +
          `half a second off ${pictures.off.map((b) => b.toFixed(3)).join(' ')}; ` +
          `loop positions ${pictures.positions.join(' ')}`,
      );
      expect(pictures.best.length).toBeGreaterThanOrEqual(10);
      // Each frame of the replay is one of the camera's frames, seen through VP8 from the browser,
      // the recorder's 1080p H.264 and the pipeline's transcode. See the note below for the figures.
      expect(Math.min(...pictures.best)).toBeGreaterThan(SAME_PICTURE);
      expect(Math.max(...pictures.off)).toBeLessThan(SAME_PICTURE);
      // And the picture moved: the frames sampled half a second apart are at different places in the loop.
      expect(new Set(pictures.positions).size).toBeGreaterThanOrEqual(4);
      pictures.positions.slice(1).forEach((position, i) => {
        expect(position, `sample ${i + 1} moved on from sample ${i}`).not.toBe(pictures.positions[i]);
      });

      // The sound: loud, and nearly all of its energy in the tone's band.
      const broadband = await audioRmsDb(replay, 'anull', 1);
      const toneBand = await audioRmsDb(replay, `bandpass=f=${FAKE_TONE_HZ}:width_type=q:w=4`, 1);
      const otherBand = await audioRmsDb(replay, `bandpass=f=${3 * FAKE_TONE_HZ}:width_type=q:w=4`, 1);
      console.info(
        `replay sound: ${broadband.toFixed(1)} dBFS in all, ${toneBand.toFixed(1)} at ${FAKE_TONE_HZ} Hz, ` +
          `${otherBand.toFixed(1)} at ${3 * FAKE_TONE_HZ} Hz`,
      );
      expect(broadband).toBeGreaterThan(-30);
      expect(broadband - toneBand).toBeLessThan(3);
      expect(broadband - otherBand).toBeGreaterThan(15);
    }, 420_000);
  },
);

/**
 * SSIM above which a replay frame counts as the camera frame it is compared with. Measured on this
 * machine: a replay frame against the camera frame it matched best, 0.975–0.983; against the frame
 * half a second further on, 0.865–0.884 (testsrc2's gradient and colour bars stay put, only the
 * square, the counter and the sweep move). 0.93 lies between, with room on both sides for a busier
 * machine's coarser encodings; a frozen, blank or wrong picture falls below it.
 */
const SAME_PICTURE = 0.93;

/**
 * Samples the replay twice a second (skipping its first and last second) and finds, for each
 * sample, the camera frame it is most like: that SSIM (`best`), the loop position it matched, and
 * the SSIM against the frame half a second further along the loop (`off`), which a frozen or
 * wrong picture would match as well as the right one.
 */
async function compareWithCamera(replay: string, camera: string) {
  const loop = await readFrames(camera, CAMERA);
  expect(loop).toHaveLength(LOOP_FRAMES);
  const duration = (await probeMedia(replay)).durationSeconds;
  const samples = await readFrames(replay, CAMERA, { fromSeconds: 1, seconds: duration - 2, fps: 2 });
  const pairs = samples.flatMap((sample) => loop.map((frame) => [sample, frame] as [Buffer, Buffer]));
  const scores = await ssimOfPairs(tmp, CAMERA, pairs);
  const best: number[] = [];
  const off: number[] = [];
  const positions: number[] = [];
  samples.forEach((_, s) => {
    const row = scores.slice(s * LOOP_FRAMES, (s + 1) * LOOP_FRAMES);
    const position = row.indexOf(Math.max(...row));
    best.push(row[position]!);
    off.push(row[(position + HALF_SECOND) % LOOP_FRAMES]!);
    positions.push(position);
  });
  return { best, off, positions };
}
