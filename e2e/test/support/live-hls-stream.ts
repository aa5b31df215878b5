import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type createS3Client, IMMUTABLE_CACHE_CONTROL, putObject } from '@folkemote/storage';

type S3Client = ReturnType<typeof createS3Client>;

/** Playlists are re-read every second or two by players: cached no longer than that. */
export const PLAYLIST_CACHE_CONTROL = 'public, max-age=1';

export interface LiveHlsStream {
  /** Segments the bucket holds so far. */
  segmentsUploaded(): number;
  /**
   * Ends the stream as an egress does: the live playlists get `#EXT-X-ENDLIST`, and the VOD
   * playlists of the whole (`<rendition>/index.m3u8`, multivariant `index.m3u8`) are written.
   */
  close(): Promise<void>;
  /** Kills ffmpeg and stops copying, whatever state it is in. */
  kill(): void;
}

/**
 * A live HLS stream in the layout the egress writes under `replays/<id>/live/`: ffmpeg's HLS muxer
 * in real time (`-re`, a test picture and a tone, 2 s segments, a 30-minute window,
 * PROGRAM-DATE-TIME) into a folder, and a loop that copies it into the public bucket, segments
 * before the playlists that name them.
 */
export async function startLiveHlsStream(options: {
  dir: string;
  s3: S3Client;
  bucket: string;
  prefix: string;
  maxSeconds: number;
}): Promise<LiveHlsStream> {
  const { dir, s3, bucket, prefix } = options;
  await mkdir(join(dir, '360p'), { recursive: true });
  const ffmpeg: ChildProcess = spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-re'],
      ...['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'],
      ...['-t', String(options.maxSeconds), '-map', '0:v', '-map', '1:a'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-b:v', '300k'],
      ...['-g', '50', '-keyint_min', '50', '-sc_threshold', '0'],
      ...['-c:a', 'aac', '-b:a', '64k', '-ac', '2'],
      ...['-f', 'hls', '-hls_time', '2', '-hls_list_size', '900'],
      ...['-hls_flags', 'program_date_time+independent_segments+temp_file'],
      ...['-hls_segment_filename', join(dir, '%v/seg_%05d.ts')],
      ...['-master_pl_name', 'live.m3u8', '-var_stream_map', 'v:0,a:0,name:360p'],
      join(dir, '%v/live.m3u8'),
    ],
    { stdio: ['pipe', 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => ffmpeg.once('exit', () => resolve()));
  const uploaded = new Set<string>();
  const playlists = new Map<string, string>();
  let copying = true;

  const put = (key: string, body: string | Buffer, cacheControl: string) =>
    putObject(s3, {
      bucket,
      key: `${prefix}${key}`,
      body,
      contentType: key.endsWith('.ts') ? 'video/mp2t' : 'application/vnd.apple.mpegurl',
      cacheControl,
    });

  async function copyOnce(): Promise<void> {
    const segments = (await readdir(join(dir, '360p'))).filter((name) => name.endsWith('.ts')).sort();
    for (const name of segments) {
      if (uploaded.has(name)) continue;
      await put(`360p/${name}`, await readFile(join(dir, '360p', name)), IMMUTABLE_CACHE_CONTROL);
      uploaded.add(name);
    }
    for (const key of ['360p/live.m3u8', 'live.m3u8']) {
      const text = await readFile(join(dir, key), 'utf8').catch(() => null);
      if (text === null || playlists.get(key) === text) continue;
      await put(key, text, PLAYLIST_CACHE_CONTROL);
      playlists.set(key, text);
    }
  }

  const loop = (async () => {
    while (copying) {
      await copyOnce();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  })();

  return {
    segmentsUploaded: () => uploaded.size,
    async close() {
      ffmpeg.stdin?.end('q');
      await exited;
      copying = false;
      await loop;
      await copyOnce();
      const variant = (await readFile(join(dir, '360p/live.m3u8'), 'utf8')).replace(
        '#EXT-X-TARGETDURATION',
        '#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-TARGETDURATION',
      );
      const master = (await readFile(join(dir, 'live.m3u8'), 'utf8')).replace(
        '360p/live.m3u8',
        '360p/index.m3u8',
      );
      await writeFile(join(dir, '360p/index.m3u8'), variant);
      await put('360p/index.m3u8', variant, PLAYLIST_CACHE_CONTROL);
      await put('index.m3u8', master, PLAYLIST_CACHE_CONTROL);
    },
    kill() {
      copying = false;
      if (ffmpeg.exitCode === null) ffmpeg.kill('SIGKILL');
    },
  };
}
