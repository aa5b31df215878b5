import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface VersionDir {
  dir: string;
  /** Relative path → SHA-256 of its bytes. */
  sha256: Map<string, string>;
  files: string[];
}

/**
 * A directory laid out like a transcode's output: a master and media playlists, init segments,
 * media segments, a poster, a sprite with its track, a caption file, a manifest and one large
 * download.mp4 of random bytes (larger than `largeBytes`, so it goes up in several parts).
 */
export async function makeVersionDir(options: { largeBytes: number; segments: number }): Promise<VersionDir> {
  const dir = await mkdtemp(path.join(tmpdir(), 'folkemote-version-'));
  const contents = new Map<string, Buffer | string>();
  contents.set('master.m3u8', '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\n360p/index.m3u8\n');
  contents.set('360p/index.m3u8', '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n');
  contents.set('360p/init.mp4', randomBytes(1200));
  for (let i = 1; i <= options.segments; i++) {
    contents.set(`360p/seg_${String(i).padStart(5, '0')}.m4s`, randomBytes(20_000 + i * 997));
  }
  contents.set('audio/seg_00001.m4a', randomBytes(3000));
  contents.set('poster.jpg', randomBytes(5000));
  contents.set('sprite.jpg', randomBytes(7000));
  contents.set('sprite.vtt', 'WEBVTT\n\n00:00.000 --> 00:06.000\nsprite.jpg#xywh=0,0,160,90\n');
  contents.set('captions/nb.vtt', 'WEBVTT\n\n00:00.000 --> 00:02.000\nVelkommen til møtet\n');
  contents.set('manifest.json', JSON.stringify({ version: 1, kind: 'full' }));
  contents.set('download.mp4', randomBytes(options.largeBytes));

  const sha256 = new Map<string, string>();
  for (const [relative, body] of contents) {
    const file = path.join(dir, ...relative.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);
    sha256.set(relative, createHash('sha256').update(body).digest('hex'));
  }
  return { dir, sha256, files: [...contents.keys()].sort() };
}
