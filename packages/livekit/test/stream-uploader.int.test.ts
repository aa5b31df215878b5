import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { S3Upload, SegmentedFileOutput } from '@livekit/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastLadder } from '../src/broadcast/broadcast-ladder.ts';
import { prepareBroadcastStream } from '../src/broadcast/broadcast-stream.ts';
import { LOCAL_PLAYLIST } from '../src/broadcast/hls-output-arguments.ts';
import type { StreamUploader } from '../src/broadcast/stream-uploader.ts';

interface Put {
  key: string;
  status: number;
  contentType?: string;
  cacheControl?: string;
  body: string;
}

/** An S3 endpoint that keeps every PUT in order and answers 503 to as many as it is told. */
function startFakeS3(): Promise<{
  server: Server;
  endpoint: string;
  puts: Put[];
  failNext(count: number): void;
}> {
  const puts: Put[] = [];
  let failures = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = failures > 0 ? 503 : 200;
      if (failures > 0) failures--;
      puts.push({
        key: decodeURIComponent(new URL(req.url ?? '/', 'http://s3').pathname.replace(/^\/public\//, '')),
        status,
        contentType: req.headers['content-type'],
        cacheControl: req.headers['cache-control'],
        body: Buffer.concat(chunks).toString('latin1'),
      });
      res.writeHead(status, status === 200 ? { ETag: '"e"' } : { 'Content-Type': 'application/xml' });
      res.end(status === 200 ? '' : '<Error><Code>SlowDown</Code><Message>busy</Message></Error>');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, endpoint: `http://127.0.0.1:${port}`, puts, failNext: (n) => (failures += n) });
    });
  });
}

const PREFIX = 'replays/b/live/';

describe("the broadcast's uploader", () => {
  let s3: Awaited<ReturnType<typeof startFakeS3>>;
  let workDir: string;
  let uploader: StreamUploader;
  const names = broadcastLadder(30, { video: true, audio: true }).map((r) => r.name);

  beforeAll(async () => {
    s3 = await startFakeS3();
    workDir = await mkdtemp(path.join(tmpdir(), 'stream-uploader-'));
    const stream = await prepareBroadcastStream({
      workDir,
      segments: {
        output: new SegmentedFileOutput({
          filenamePrefix: PREFIX,
          playlistName: 'index.m3u8',
          livePlaylistName: 'live.m3u8',
          segmentDuration: 2,
        }),
        upload: new S3Upload({
          accessKey: 'k',
          secret: 's',
          region: 'us-east-1',
          endpoint: s3.endpoint,
          bucket: 'public',
          forcePathStyle: true,
        }),
      },
      framerate: 30,
      video: true,
      audio: true,
    });
    uploader = stream.uploader(Date.UTC(2026, 5, 12, 10, 0, 0));
    uploader.start();
  });
  afterAll(async () => {
    await uploader?.abandon();
    await new Promise((resolve) => s3?.server.close(resolve));
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  /** What ffmpeg does: the segment complete, then its playlist names it. */
  const writeSegments = async (count: number) => {
    for (const name of names) {
      const folder = path.join(workDir, 'stream', name);
      const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:2', '#EXT-X-MEDIA-SEQUENCE:0'];
      for (let i = 0; i < count; i++) {
        await writeFile(path.join(folder, `seg-0000${i}.ts`), `${name} segment ${i}`);
        lines.push('#EXTINF:2.000000,', `seg-0000${i}.ts`);
      }
      await writeFile(path.join(folder, LOCAL_PLAYLIST), `${lines.join('\n')}\n`);
    }
  };
  const uploadedOk = (key: string) => s3.puts.filter((p) => p.key === key && p.status === 200);
  const until = async (done: () => boolean) => {
    const deadline = Date.now() + 15_000;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`not done; PUTs: ${s3.puts.map((p) => p.key).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('puts each segment before the live playlist naming it, then the multivariant playlist', async () => {
    await writeSegments(1);
    await until(() => uploadedOk(`${PREFIX}live.m3u8`).length > 0);
    for (const name of names) {
      const keys = s3.puts.map((p) => p.key);
      expect(keys.indexOf(`${PREFIX}${name}/seg-00000.ts`)).toBeLessThan(
        keys.indexOf(`${PREFIX}${name}/live.m3u8`),
      );
      const [segment] = uploadedOk(`${PREFIX}${name}/seg-00000.ts`);
      expect([segment?.contentType, segment?.cacheControl, segment?.body]).toEqual([
        'video/mp2t',
        'public, max-age=31536000, immutable',
        `${name} segment 0`,
      ]);
      const [playlist] = uploadedOk(`${PREFIX}${name}/live.m3u8`);
      expect([playlist?.contentType, playlist?.cacheControl]).toEqual([
        'application/vnd.apple.mpegurl',
        'public, max-age=1',
      ]);
      expect(playlist?.body).toContain(
        '#EXT-X-PROGRAM-DATE-TIME:2026-06-12T10:00:00.000Z\n#EXTINF:2.000000,\nseg-00000.ts',
      );
    }
  });

  it('rides out an S3 that answers 503 for a while, never naming a segment it lacks', async () => {
    s3.failNext(8);
    await writeSegments(2);
    await until(() => names.every((name) => uploadedOk(`${PREFIX}${name}/live.m3u8`).length >= 2));
    expect(s3.puts.filter((p) => p.status === 503)).toHaveLength(8);
    for (const name of names) {
      const okKeys = s3.puts.filter((p) => p.status === 200).map((p) => p.key);
      const segmentAt = okKeys.indexOf(`${PREFIX}${name}/seg-00001.ts`);
      const lastPlaylist = uploadedOk(`${PREFIX}${name}/live.m3u8`).at(-1);
      expect(segmentAt).toBeGreaterThanOrEqual(0);
      expect(okKeys.lastIndexOf(`${PREFIX}${name}/live.m3u8`)).toBeGreaterThan(segmentAt);
      expect(lastPlaylist?.body).toContain(
        '#EXT-X-PROGRAM-DATE-TIME:2026-06-12T10:00:02.000Z\n#EXTINF:2.000000,\nseg-00001.ts',
      );
    }
  });

  it('closes: live playlists ended, VOD playlists, the VOD multivariant playlist last', async () => {
    const before = s3.puts.length;
    const info = await uploader.close(Date.UTC(2026, 5, 12, 10, 0, 4));
    const closing = s3.puts.slice(before).filter((p) => p.status === 200);
    expect(closing.at(-1)?.key).toBe(`${PREFIX}index.m3u8`);
    expect(closing.at(-1)?.body.match(/#EXT-X-STREAM-INF/g)).toHaveLength(3);
    for (const name of names) {
      expect(uploadedOk(`${PREFIX}${name}/live.m3u8`).at(-1)?.body.endsWith('#EXT-X-ENDLIST\n')).toBe(true);
      const vod = uploadedOk(`${PREFIX}${name}/index.m3u8`).at(-1)?.body ?? '';
      expect(vod).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
      expect(vod.match(/#EXTINF/g)).toHaveLength(2);
    }
    expect(info).toMatchObject({
      playlistName: `${PREFIX}index.m3u8`,
      livePlaylistName: `${PREFIX}live.m3u8`,
      segmentCount: 2n,
      duration: 4_000_000_000n,
      startedAt: BigInt(Date.UTC(2026, 5, 12, 10, 0, 0)) * 1_000_000n,
    });
  });
});
