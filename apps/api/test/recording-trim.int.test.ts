import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RecordingTrimView } from '@folkemote/contract';
import { findRecording, findVersion } from '@folkemote/db';
import { parseCaptions } from '@folkemote/domain';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approveCaptionsForTest,
  createTestApiToken,
  createTestEvent,
  uploadRecording,
  waitForRecording,
} from '../src/testing/index.ts';

const run = promisify(execFile);
const frame = 1 / 30;
let system: TestSystem;
let token: string;
let recordingId: string;
let originalSeconds: number;

// Keyframes every 2 s; both cuts fall between them.
const cuts = [
  { start: 0, end: 1.3 },
  { start: 5.1, end: 7.3 },
];
const vtt = [
  'WEBVTT',
  '',
  '00:00:00.500 --> 00:00:01.000',
  'Hører dere meg?',
  '',
  '00:00:02.000 --> 00:00:03.000',
  'Velkommen',
  '',
  '00:00:04.800 --> 00:00:05.600',
  'Over kanten',
  '',
  '00:00:08.000 --> 00:00:09.000',
  'Etter pausen',
  '',
].join('\n');

const trimUrl = () => `${system.url}/api/recordings/${recordingId}/trim`;
const putTrim = (body: unknown, auth = token) =>
  fetch(trimUrl(), {
    method: 'PUT',
    headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const getTrim = async (auth = token) =>
  (await (
    await fetch(trimUrl(), { headers: { authorization: `Bearer ${auth}` } })
  ).json()) as RecordingTrimView;

async function publicDuration(): Promise<number> {
  const recording = await findRecording(system.deps.db, recordingId);
  const version = await findVersion(system.deps.db, recording!.publishedVersionId!);
  return version!.manifest!.durationSeconds;
}

async function publishedCaptions(): Promise<Array<{ startMs: number; endMs: number; text: string }>> {
  const list = (await (await fetch(`${system.url}/api/recordings/${recordingId}/captions`)).json()) as {
    captions: Array<{ url: string }>;
  };
  return parseCaptions(await (await fetch(list.captions[0]!.url)).text());
}

/** Waits until the trim asked for is the one public, and the recording is published again. */
async function waitForApplied(expected: unknown): Promise<RecordingTrimView> {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const view = await getTrim();
    if (view.state === 'published' && JSON.stringify(view.appliedCuts) === JSON.stringify(expected))
      return view;
    if (view.state === 'failed' || Date.now() > deadline)
      throw new Error(`Trim not applied: ${JSON.stringify(view)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  system = await startTestSystem();
  token = await createTestApiToken(system);
  const event = await createTestEvent(system.deps.db);
  const clip = path.join(system.tmp, 'trim-clip.mp4');
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=320x180:r=30:d=12'],
    ...['-f', 'lavfi', '-i', 'sine=f=330:beep_factor=2:d=12', '-c:v', 'libx264', '-preset', 'veryfast'],
    ...['-pix_fmt', 'yuv420p', '-g', '60', '-keyint_min', '60', '-sc_threshold', '0', '-c:a', 'aac', clip],
  ]);
  const response = await uploadRecording(
    system.url,
    await readFile(clip),
    { title: 'Trygge lokalsamfunn', filename: 'clip.mp4', event: event.slug },
    token,
  );
  recordingId = ((await response.json()) as { id: string }).id;
  await waitForRecording(system.url, recordingId, (r) => r.state === 'published');
  const put = await fetch(`${system.url}/api/recordings/${recordingId}/captions/nb`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/vtt' },
    body: vtt,
  });
  expect(put.status).toBe(200);
  // An upload is a draft; approved, it is public and moves with the cuts.
  const approved = await approveCaptionsForTest(system.url, recordingId, 'nb', {
    authorization: `Bearer ${token}`,
  });
  expect(approved.status).toBe(200);
  originalSeconds = await publicDuration();
});
afterAll(async () => {
  await system?.stop();
});

describe('trimming a published recording', () => {
  it("lets only the recording's own organisers read or trim it, and refuses bad cuts changing nothing", async () => {
    const view = await getTrim();
    expect(view).toMatchObject({ editable: true, cuts: [], appliedCuts: [] });
    expect(view.previewUrl).toMatch(/\/master\.m3u8$/);
    expect(view.spriteUrl).toMatch(/\.vtt$/);
    const stranger = await createTestApiToken(system, { slug: 'annen-kommune', name: 'Annen kommune' });
    expect((await fetch(trimUrl(), { headers: { authorization: `Bearer ${stranger}` } })).status).toBe(404);
    expect((await putTrim({ cuts }, stranger)).status).toBe(404);
    expect((await fetch(trimUrl())).status).toBe(401);
    expect((await putTrim({ cuts }, 'fmt_nope')).status).toBe(401);
    const bad = [
      { cuts: [{ start: 3, end: 2 }] },
      { cuts: [{ start: 0, end: 11.5 }] },
      {
        cuts: [
          { start: 1, end: 3 },
          { start: 2.5, end: 4 },
        ],
      },
      { cuts: [{ start: 10, end: 60 }] },
      { cuts: [{ start: -1, end: 2 }] },
      { cuts: 'alt' },
    ];
    for (const body of bad) {
      const response = await putTrim(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const overlap = await (await putTrim(bad[2])).json();
    expect(overlap).toMatchObject({
      error: { code: 'invalid_trim', params: { code: 'overlapping_cuts', index: 1 } },
    });
    expect(await getTrim()).toMatchObject({ cuts: [], appliedCuts: [], state: 'published' });
  });

  it('trims with a cut off the keyframes, moves the captions, and restores the original', async () => {
    const asked = await putTrim({ cuts });
    expect(asked.status).toBe(202);
    const view = await waitForApplied(cuts);
    expect(view.editable).toBe(true);
    const kept = 12 - 1.3 - 2.2;
    expect(Math.abs((await publicDuration()) - kept)).toBeLessThanOrEqual(frame + 0.001);
    expect(await publishedCaptions()).toEqual([
      { startMs: 700, endMs: 1700, text: 'Velkommen' },
      { startMs: 3500, endMs: 3800, text: 'Over kanten' },
      { startMs: 4500, endMs: 5500, text: 'Etter pausen' },
    ]);

    expect((await putTrim({ cuts: [] })).status).toBe(202);
    await waitForApplied([]);
    expect(Math.abs((await publicDuration()) - originalSeconds)).toBeLessThanOrEqual(frame + 0.001);
    // Back in source time; what the trim clipped or dropped stays so.
    expect(await publishedCaptions()).toEqual([
      { startMs: 2000, endMs: 3000, text: 'Velkommen' },
      { startMs: 4800, endMs: 5100, text: 'Over kanten' },
      { startMs: 8000, endMs: 9000, text: 'Etter pausen' },
    ]);
  });
});
