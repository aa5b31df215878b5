import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findRecording } from '@folkemote/db';
import { makeClip } from '@folkemote/media/testing';
import { putObject } from '@folkemote/storage';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiToken, uploadRecording, waitForRecording } from '../src/testing/index.ts';

// The real queue and worker (Redis, BullMQ, ffmpeg, the S3-protocol server): what a retry does.
let system: TestSystem;
let token: string;
beforeAll(async () => {
  system = await startTestSystem();
  token = await createTestApiToken(system);
});
afterAll(async () => {
  await system?.stop();
});

const retry = (id: string) =>
  fetch(`${system.url}/api/recordings/${id}/retry`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
const waitFor = (id: string, state: 'failed' | 'published') =>
  waitForRecording(
    system.url,
    id,
    (r) => r.state === state || (state === 'published' && r.state === 'failed'),
    90_000,
    token,
  );

describe('retrying a failed recording', () => {
  it('runs the pipeline again each time, and publishes once the source is put right', async () => {
    // A source that is no recording: the first run fails it.
    const uploaded = await uploadRecording(
      system.url,
      Buffer.from('ikke en video\n'),
      { title: 'Prøv igjen', filename: 'opptak.mp4' },
      token,
    );
    expect(uploaded.status).toBe(202);
    const { id } = (await uploaded.json()) as { id: string };
    expect((await waitFor(id, 'failed')).recording.failureReason).toMatch(/not a video or audio recording/i);

    // A retry before anything is put right runs again and fails again.
    const first = await retry(id);
    // The answer comes once the recording is back at the start, so a failure seen now is a new one.
    expect(first.status).toBe(202);
    const again = await waitFor(id, 'failed');
    expect(again.recording.failureReason).toMatch(/not a video or audio recording/i);

    // The source is restored, and the second retry takes the recording all the way.
    const { sourceKey } = (await findRecording(system.deps.db, id))!;
    const clip = await makeClip(path.join(system.tmp, 'restored.mp4'), { seconds: 4, size: '320x180' });
    await putObject(system.deps.s3, {
      bucket: system.deps.s3Settings.rawBucket,
      key: sourceKey,
      body: await readFile(clip),
    });
    const second = await retry(id);
    expect(second.status).toBe(202);
    const { recording } = await waitFor(id, 'published');
    expect(recording.failureReason).toBeNull();
    expect(recording.state).toBe('published');
    expect((await fetch(recording.replayUrl!)).status).toBe(200);

    // Nothing left to retry.
    const third = await retry(id);
    expect(third.status).toBe(409);
    expect(await third.json()).toMatchObject({ error: { code: 'not_failed' } });
  });

  it('shows a transcode whose job died and whose progress stopped moving as stalled, and takes it up again on retry', async () => {
    const clip = await makeClip(path.join(system.tmp, 'stalled.mp4'), { seconds: 4, size: '320x180' });
    const uploaded = await uploadRecording(
      system.url,
      await readFile(clip),
      { title: 'Står stille', filename: 'opptak.mp4' },
      token,
    );
    const { id } = (await uploaded.json()) as { id: string };
    await waitFor(id, 'published');
    // As a worker that died in the transcode leaves it, with its job gone: "4 %" written 11 minutes ago.
    await system.deps.db.query(
      `update recordings set state = 'quick_published',
         progress = '{"stage":"transcoding","percent":4,"etaSeconds":20}',
         updated_at = now() - interval '11 minutes' where id = $1`,
      [id],
    );
    const view = async () =>
      (await (
        await fetch(`${system.url}/api/recordings/${id}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { stalled: boolean; state: string; progress: { stage: string } | null };
    expect(await view()).toMatchObject({ stalled: true, state: 'quick_published' });

    // Five minutes ago is still a transcode at work.
    await system.deps.db.query(
      `update recordings set updated_at = now() - interval '5 minutes' where id = $1`,
      [id],
    );
    expect((await view()).stalled).toBe(false);
    expect((await retry(id)).status).toBe(409);

    await system.deps.db.query(
      `update recordings set updated_at = now() - interval '11 minutes' where id = $1`,
      [id],
    );
    expect((await retry(id)).status).toBe(202);
    const { recording } = await waitFor(id, 'published');
    expect(recording.state).toBe('published');
    expect((await view()).stalled).toBe(false);
  });
});
