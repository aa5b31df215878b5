import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TranscodeManifest } from '@folkemote/domain';
import { ffprobeStreams, makeClip } from '@folkemote/media/testing';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiToken, uploadRecording, waitForRecording } from '../src/testing/index.ts';

let system: TestSystem;
let token: string;
beforeAll(async () => {
  system = await startTestSystem();
  token = await createTestApiToken(system);
});
afterAll(async () => {
  await system?.stop();
});

const attributes = (line: string) =>
  Object.fromEntries(
    [...line.matchAll(/([A-Z-]+)=("[^"]*"|[^,]*)/g)].map((m) => [m[1], m[2]!.replace(/"/g, '')]),
  );

describe('import → transcode → publish', () => {
  it('answers health with the state of database, Redis and S3', async () => {
    const response = await fetch(`${system.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      down: [],
      checks: { database: { ok: true }, redis: { ok: true }, s3: { ok: true } },
    });
  });

  it('publishes a quick version first, then the full ladder, playable from S3', async () => {
    const clip = await makeClip(path.join(system.tmp, 'clip.mp4'), { seconds: 8, size: '640x360' });
    const response = await uploadRecording(
      system.url,
      await readFile(clip),
      {
        title: 'Robust oppvekst?',
        filename: 'clip.mp4',
      },
      token,
    );
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };

    const { recording, statesSeen } = await waitForRecording(
      system.url,
      id,
      (r) => r.state === 'published' || r.state === 'failed',
      120_000,
      token,
    );
    expect(recording.failureReason).toBeNull();
    expect(recording.state).toBe('published');
    expect(statesSeen).toContain('quick_published');
    expect(recording.progress).toEqual({ stage: 'done', percent: 100, etaSeconds: 0 });
    expect(recording.replayUrl).toBe(`${system.deps.s3Settings.publicBaseUrl}/replays/${id}/index.html`);

    const page = await fetch(recording.replayUrl!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);

    const pointer = (await (
      await fetch(`${system.deps.s3Settings.publicBaseUrl}/replays/${id}/replay.json`)
    ).json()) as {
      prefix: string;
      kind: string;
    };
    expect(pointer.kind).toBe('full');
    const versionUrl = `${system.deps.s3Settings.publicBaseUrl}/${pointer.prefix}`;
    const master = await (await fetch(`${versionUrl}master.m3u8`)).text();
    const variants = master.split('\n').filter((l) => l.startsWith('#EXT-X-STREAM-INF'));
    expect(variants.length).toBeGreaterThanOrEqual(1);

    // The quick version went out without a download file; the full one brings it to the page.
    const { rows: versions } = await system.deps.db.query<{ kind: string; manifest: TranscodeManifest }>(
      'select kind, manifest from recording_versions where recording_id = $1 order by created_at',
      [id],
    );
    expect(versions.map((v) => v.kind)).toEqual(['quick', 'full']);
    expect(versions[0]!.manifest.download).toBeNull();
    expect(versions[0]!.manifest.files.filter((f) => f.startsWith('download'))).toEqual([]);
    expect(versions[1]!.manifest.download).toMatchObject({ file: 'download.mp4', contentType: 'video/mp4' });
    expect(await page.text()).toContain(`<a class="button" href="${versionUrl}download.mp4" download`);
    expect((await fetch(`${versionUrl}download.mp4`, { method: 'HEAD' })).status).toBe(200);

    for (const line of variants.filter((l) => l.includes('RESOLUTION'))) {
      const a = attributes(line);
      for (const key of ['BANDWIDTH', 'AVERAGE-BANDWIDTH', 'RESOLUTION', 'CODECS', 'FRAME-RATE'])
        expect(a[key], key).toBeTruthy();
    }

    // Fetch the first video rendition's init segment and first media segment back and check them with ffprobe.
    const lines = master.split('\n');
    const firstVariant =
      lines[
        lines.findIndex((l) => l.startsWith('#EXT-X-STREAM-INF') && l.includes('RESOLUTION')) + 1
      ]!.trim();
    const playlistUrl = new URL(firstVariant, versionUrl).toString();
    const playlist = await (await fetch(playlistUrl)).text();
    const init = playlist.match(/#EXT-X-MAP:URI="([^"]+)"/)![1]!;
    const segment = playlist
      .split('\n')
      .find((l) => l && !l.startsWith('#'))!
      .trim();
    const initBytes = Buffer.from(await (await fetch(new URL(init, playlistUrl))).arrayBuffer());
    const segmentResponse = await fetch(new URL(segment, playlistUrl));
    expect(segmentResponse.headers.get('cache-control')).toMatch(/immutable/);
    const segmentBytes = Buffer.from(await segmentResponse.arrayBuffer());
    const joined = path.join(system.tmp, 'first-segment.mp4');
    await writeFile(joined, Buffer.concat([initBytes, segmentBytes]));
    const streams = await ffprobeStreams(joined);
    expect(streams.find((s) => s.codec_type === 'video')?.codec_name).toBe('h264');
  });

  it('fails unusable input at once with a readable reason', async () => {
    const response = await uploadRecording(
      system.url,
      Buffer.from('dette er ikke en video\n'),
      {
        title: 'Ikke en video',
        filename: 'notes.mp4',
      },
      token,
    );
    const { id } = (await response.json()) as { id: string };
    const { recording } = await waitForRecording(
      system.url,
      id,
      (r) => r.state === 'failed' || r.state === 'published',
      30_000,
      token,
    );
    expect(recording.state).toBe('failed');
    expect(recording.failureReason).toMatch(/not a video or audio recording/i);
  });

  it('accepts uploads and retries from organisers only', async () => {
    const anonymous = await fetch(`${system.url}/api/recordings?title=Uten+innlogging`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from('x'),
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'not_signed_in' } });
    const forged = await uploadRecording(
      system.url,
      Buffer.from('x'),
      { title: 'Falsk nøkkel' },
      'fmt_forged',
    );
    expect(forged.status).toBe(401);
    const retry = await fetch(`${system.url}/api/recordings/00000000-0000-4000-8000-000000000000/retry`, {
      method: 'POST',
    });
    expect(retry.status).toBe(401);
    const retryWithToken = await fetch(
      `${system.url}/api/recordings/00000000-0000-4000-8000-000000000000/retry`,
      { method: 'POST', headers: { authorization: `Bearer ${token}` } },
    );
    expect(retryWithToken.status).toBe(404);
  });

  it('rejects an upload with a bad title, naming the field, and stores nothing', async () => {
    const list = async () =>
      (
        (await (
          await fetch(`${system.url}/api/recordings`, { headers: { authorization: `Bearer ${token}` } })
        ).json()) as { recordings: unknown[] }
      ).recordings.length;
    const before = await list();
    const response = await uploadRecording(system.url, Buffer.from('x'), { title: 'x' }, token);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { title: [expect.any(String)] } },
    });
    expect(await list()).toBe(before);
  });
});
