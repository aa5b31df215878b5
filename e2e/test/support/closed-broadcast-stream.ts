import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { cacheControlFor, contentTypeFor, listFiles, publicKeys, putObject } from '@folkemote/storage';

const run = promisify(execFile);
type S3Client = Parameters<typeof putObject>[0];

/**
 * A closed broadcast stream as the egress leaves it: a multivariant VOD playlist `index.m3u8`
 * naming two video renditions and an audio-only one, each with its own closed VOD playlist and
 * 2-second segments (four seconds of a test picture and a tone).
 */
export async function makeClosedBroadcastStream(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  // biome-ignore format: one ffmpeg option per line would hide the command
  await run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25',
    '-f', 'lavfi', '-i', 'sine=f=440:sample_rate=48000',
    '-t', '4',
    '-filter_complex', '[0:v]split=2[a][b];[b]scale=320:180[s]',
    '-map', '[a]', '-map', '[s]', '-map', '1:a', '-map', '1:a', '-map', '1:a',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '50', '-keyint_min', '50', '-sc_threshold', '0',
    '-c:a', 'aac', '-b:a', '64k',
    '-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod',
    '-hls_segment_filename', `${dir}/%v/seg%03d.ts`,
    '-master_pl_name', 'index.m3u8',
    '-var_stream_map', 'v:0,a:0,name:720p v:1,a:1,name:360p a:2,name:audio',
    `${dir}/%v/index.m3u8`,
  ]);
  return listFiles(dir);
}

/**
 * Puts the stream under the broadcast's address in the public bucket, segments first and the
 * multivariant playlist last (as the egress does), or all but it (a stream not closed yet).
 */
export async function putBroadcastStream(
  s3: S3Client,
  bucket: string,
  broadcastId: string,
  dir: string,
  files: readonly string[],
  options: { withMultivariant: boolean } = { withMultivariant: true },
): Promise<void> {
  const ordered = [...files].sort((a, b) => Number(a.endsWith('.m3u8')) - Number(b.endsWith('.m3u8')));
  for (const file of ordered) {
    if (file === 'index.m3u8') continue;
    await putStreamFile(s3, bucket, broadcastId, dir, file);
  }
  if (options.withMultivariant) await putStreamFile(s3, bucket, broadcastId, dir, 'index.m3u8');
}

export async function putStreamFile(
  s3: S3Client,
  bucket: string,
  broadcastId: string,
  dir: string,
  file: string,
): Promise<void> {
  const key = publicKeys.broadcastStreamPrefix(broadcastId) + file;
  await putObject(s3, {
    bucket,
    key,
    body: await readFile(path.join(dir, file)),
    contentType: contentTypeFor(key),
    cacheControl: cacheControlFor(key),
  });
}
