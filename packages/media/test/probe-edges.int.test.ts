import { statSync } from 'node:fs';
import { copyFile, rm, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia, transcodeRecording, UnusableMediaError } from '../src/index.ts';
import { clips, makeTempDir } from './support/media-fixtures.ts';

let dir: string;
let source: string;
beforeAll(async () => {
  dir = await makeTempDir('edges');
  source = await clips.webinar(dir, 'webinar-40s.mp4', 40, '320x180', 30);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a probe of the edges of a file', () => {
  it('knows what a stream copy needs, as the full probe does, but not the keyframes', async () => {
    const full = await probeMedia(source);
    const edges = await probeMedia(source, { packets: 'edges' });
    expect(full.packetScan).toBe('full');
    expect(edges.packetScan).toBe('edges');
    expect(edges.durationSeconds).toBe(full.durationSeconds);
    expect(edges.audio).toEqual(full.audio);
    expect(edges.video).toMatchObject({
      codec: full.video!.codec,
      profile: full.video!.profile,
      displayWidth: full.video!.displayWidth,
      displayHeight: full.video!.displayHeight,
      decodeDelaySeconds: full.video!.decodeDelaySeconds,
      keyframeTimes: [],
    });
    expect(full.video!.decodeDelaySeconds).toBeGreaterThan(0);
  });

  it('describes a file cut short exactly as the full probe does', async () => {
    const cut = join(dir, 'cut.mp4');
    await copyFile(source, cut);
    await truncate(cut, Math.floor((await stat(cut)).size / 2));
    const reasons = await Promise.all(
      (['full', 'edges'] as const).map((packets) =>
        probeMedia(cut, { packets }).then(
          () => 'accepted',
          (e: unknown) => (e instanceof UnusableMediaError ? e.reason : String(e)),
        ),
      ),
    );
    expect(reasons[0]).toMatch(/^The file is truncated: it stops after 0:\d\d of 0:40$/);
    expect(reasons[1]).toBe(reasons[0]);
  });
});

describe('a quick version from an edges probe', () => {
  it('tells of each segment once it is final, before the transcode returns', async () => {
    const reported: { path: string; bytes: number }[] = [];
    const out = join(dir, 'out');
    const manifest = await transcodeRecording(source, out, {
      kind: 'quick',
      probe: await probeMedia(source, { packets: 'edges' }),
      onFileReady: (path) => reported.push({ path, bytes: statSync(join(out, path)).size }),
    });
    const segments = manifest.files.filter((f) => f.endsWith('.m4s'));
    expect(reported.map((r) => r.path).sort()).toEqual(segments);
    for (const r of reported) expect(r.bytes).toBe((await stat(join(out, r.path))).size);
    expect(manifest.files.some((f) => f.endsWith('.tmp'))).toBe(false);
  });
});
