import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia, transcodeRecording, UnusableMediaError } from '../src/index.ts';
import { ffmpeg, makeTempDir } from './support/media-fixtures.ts';

/**
 * Uploads are files a stranger wrote. ffmpeg's playlist, manifest, list and image-sequence
 * demuxers read whatever such a file names; a recording is only ever read as one of the
 * containers it may be, and only the file itself is opened.
 */
let dir: string;
/** Another organisation's source, where the worker keeps it while it works. */
let victim: string;
let server: Server;
let serverUrl: string;
let serverRequests = 0;

const tone = (seconds: number) => ['-f', 'lavfi', '-i', `sine=f=440:d=${seconds}`];
const picture = (seconds: number) => ['-f', 'lavfi', '-i', `testsrc2=s=160x90:r=15:d=${seconds}`];
const h264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];

async function upload(name: string, text: string, fileName = 'talk.mp4'): Promise<string> {
  const folder = join(dir, 'uploads', name);
  await mkdir(folder, { recursive: true });
  const file = join(folder, fileName);
  await writeFile(file, text);
  return file;
}

/** A playlist of one segment as long as the victim's recording, so the whole of it would be read. */
const playlist = (segment: string) =>
  `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:3\n#EXTINF:3.0,\n${segment}\n#EXT-X-ENDLIST\n`;

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UnusableMediaError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.reason;
}

beforeAll(async () => {
  dir = await makeTempDir('hostile');
  await mkdir(join(dir, 'other-organisation'), { recursive: true });
  victim = join(dir, 'other-organisation', 'source.mp4');
  await ffmpeg([...picture(3), ...tone(3), ...h264, '-c:a', 'aac', '-movflags', '+faststart', victim]);
  server = createServer((_request, response) => {
    serverRequests += 1;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('a file that names other files or URLs', () => {
  it('refuses an HLS playlist named talk.mp4 whose segment is another file on disk', async () => {
    const file = await upload('hls', playlist(victim));
    expect(await refusal(probeMedia(file))).toBe(
      'The file is an HLS playlist, not a recording: upload the video or audio file itself',
    );
    const out = join(dir, 'out-hls');
    expect(await refusal(transcodeRecording(file, out, { kind: 'quick' }))).toMatch(/HLS playlist/);
    expect(await readdir(out)).toEqual([]);
  });

  it.each([
    [
      'an ffconcat list naming a file beside it',
      async () => {
        const file = await upload('concat', 'ffconcat version 1.0\nfile neighbour.mp4\n');
        await copyFile(victim, join(dir, 'uploads', 'concat', 'neighbour.mp4'));
        return file;
      },
      'The file is a list of other files (ffconcat), not a recording: upload the video or audio file itself',
    ],
    [
      'a DASH manifest with a file:// address',
      () =>
        upload(
          'dash',
          `<?xml version="1.0"?>\n<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT3S" minBufferTime="PT1S" profiles="urn:mpeg:dash:profile:isoff-on-demand:2011"><Period><AdaptationSet mimeType="video/mp4"><Representation id="1" bandwidth="100000"><BaseURL>file://${victim}</BaseURL></Representation></AdaptationSet></Period></MPD>\n`,
        ),
      'The file is a DASH manifest, not a recording: upload the video or audio file itself',
    ],
    [
      'a playlist reaching a file through the subfile protocol',
      () => upload('subfile', playlist(`subfile,,start,0,end,0,,:${victim}`)),
      'The file is an HLS playlist, not a recording: upload the video or audio file itself',
    ],
    [
      'a playlist carrying its media in a data: URI',
      () => upload('data', playlist('data:video/mp2t;base64,R0lGODlhAQABAAAAACw=')),
      'The file is an HLS playlist, not a recording: upload the video or audio file itself',
    ],
    [
      'a session description (SDP) that opens network streams',
      () =>
        upload(
          'sdp',
          'v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=talk\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 5004 RTP/AVP 0\r\n',
        ),
      "The file's format (sdp) is not accepted: a recording must be MP4, MOV, M4A, MKV, WebM, MPEG-TS, Ogg, WAV, MP3, AAC or FLAC",
    ],
  ])('refuses %s, with the reason', async (_, make, reason) => {
    expect(await refusal(probeMedia(await make()))).toBe(reason);
  });

  it('refuses a playlist whose segment is on a local web server, without asking it', async () => {
    const file = await upload('http', playlist(`${serverUrl}/segment.ts`));
    expect(await refusal(probeMedia(file))).toMatch(/^The file is an HLS playlist, not a recording/);
    expect(serverRequests).toBe(0);
  });

  it('refuses an image sequence named by a pattern (%d)', async () => {
    const folder = join(dir, 'uploads', 'image2');
    await mkdir(folder, { recursive: true });
    await ffmpeg([...picture(1), '-frames:v', '3', join(folder, 'frame-%d.jpg')]);
    await copyFile(join(folder, 'frame-1.jpg'), join(folder, 'frame-%d.jpg'));
    expect(await refusal(probeMedia(join(folder, 'frame-%d.jpg')))).toBe(
      'The file is a still image, not a recording',
    );
  });

  it('reads a file only as the container it was probed as, even when it is swapped afterwards', async () => {
    const probe = await probeMedia(victim);
    expect(probe.container).toBe('mov,mp4,m4a,3gp,3g2,mj2');
    const swapped = await upload('swapped', playlist(victim));
    const out = join(dir, 'out-swapped');
    expect(await refusal(transcodeRecording(swapped, out, { kind: 'quick', probe }))).toMatch(
      /^The file is truncated: the MP4 index \(moov atom\) is missing/,
    );
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses a stored probe of a container a recording may not be', async () => {
    const probe = await probeMedia(victim);
    const out = join(dir, 'out-stale');
    expect(
      await refusal(
        transcodeRecording(victim, out, { kind: 'quick', probe: { ...probe, container: 'hls' } }),
      ),
    ).toMatch(/^The file is an HLS playlist, not a recording/);
    expect(await readdir(out)).toEqual([]);
  });
});

describe('recordings in every container a recording may be', () => {
  it.each([
    ['MP4', 'a.mp4', [...picture(2), ...tone(2), ...h264, '-c:a', 'aac'], 'mov,mp4,m4a,3gp,3g2,mj2'],
    ['MOV', 'a.mov', [...picture(2), ...tone(2), ...h264, '-c:a', 'aac'], 'mov,mp4,m4a,3gp,3g2,mj2'],
    ['MKV', 'a.mkv', [...picture(2), ...tone(2), ...h264, '-c:a', 'aac'], 'matroska,webm'],
    [
      'WebM',
      'a.webm',
      [
        ...picture(2),
        ...tone(2),
        '-c:v',
        'libvpx',
        '-deadline',
        'realtime',
        '-cpu-used',
        '8',
        '-c:a',
        'libopus',
      ],
      'matroska,webm',
    ],
    ['MPEG-TS', 'a.ts', [...picture(2), ...tone(2), ...h264, '-c:a', 'aac'], 'mpegts'],
    ['Ogg', 'a.ogg', [...tone(2), '-c:a', 'libopus'], 'ogg'],
    ['WAV', 'a.wav', [...tone(2), '-c:a', 'pcm_s16le'], 'wav'],
    ['MP3', 'a.mp3', [...tone(2), '-c:a', 'libmp3lame'], 'mp3'],
    ['M4A', 'a.m4a', [...tone(2), '-c:a', 'aac'], 'mov,mp4,m4a,3gp,3g2,mj2'],
    ['AAC', 'a.aac', [...tone(2), '-c:a', 'aac', '-f', 'adts'], 'aac'],
    ['FLAC', 'a.flac', [...tone(2), '-c:a', 'flac'], 'flac'],
  ])('probes %s', async (_, name, args, container) => {
    const file = join(dir, name);
    await ffmpeg([...args, '-shortest', file]);
    const probe = await probeMedia(file);
    expect(probe.container).toBe(container);
    expect(probe.durationSeconds).toBeGreaterThan(1.5);
    expect(probe.audio).not.toBeNull();
  });

  it('makes a quick version of an MPEG-TS recording, read as MPEG-TS throughout', async () => {
    const file = join(dir, 'quick.ts');
    await ffmpeg([...picture(3), ...tone(3), ...h264, '-g', '15', '-c:a', 'aac', file]);
    const manifest = await transcodeRecording(file, join(dir, 'out-ts'), { kind: 'quick' });
    expect(manifest.renditions.map((r) => r.name)).toEqual(['90p', 'audio']);
  });

  it('makes a full version of an Ogg recording, read as Ogg throughout', async () => {
    const file = join(dir, 'full.ogg');
    await ffmpeg([...tone(3), '-c:a', 'libopus', file]);
    const manifest = await transcodeRecording(file, join(dir, 'out-ogg'), { kind: 'full' });
    expect(manifest.download?.file).toBe('download.m4a');
    expect(manifest.loudness?.after).not.toBeNull();
  });
});
