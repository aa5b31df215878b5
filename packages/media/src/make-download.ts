import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { QUIET_WITH_PROGRESS } from './ffmpeg-invocation.ts';
import { parseMediaPlaylist } from './hls-playlists.ts';
import type { MediaFile } from './recording-formats.ts';
import { runFfmpeg } from './run-ffmpeg.ts';

/**
 * Joins an fMP4 rendition back into one fragmented MP4: the init segment followed by the
 * media segments is a valid file as it stands, so no demuxing of HLS is involved.
 */
export async function joinRendition(playlistFile: string, outFile: string): Promise<void> {
  const dir = dirname(playlistFile);
  const playlist = parseMediaPlaylist(await readFile(playlistFile, 'utf8'));
  const parts = [...(playlist.mapUri ? [playlist.mapUri] : []), ...playlist.segments.map((s) => s.uri)];
  const handle = await open(outFile, 'w');
  try {
    for (const part of parts) {
      for await (const chunk of createReadStream(join(dir, part))) await handle.write(chunk as Buffer);
    }
  } finally {
    await handle.close();
  }
}

export interface RemuxSource extends MediaFile {
  /** Stream to take, as an ffmpeg stream specifier within that file: '0' (index) or 'a:0'. */
  stream: string;
}

export interface RemuxOptions {
  signal?: AbortSignal;
  stallTimeoutMs: number;
  onPosition?: (seconds: number) => void;
  cwd?: string;
  /** Scheduling niceness, for a remux made beside the ladder. */
  niceness?: number;
}

/**
 * The download file: the chosen video and audio streams copied (never re-encoded) into a
 * progressive MP4 with the index at the front, so it plays while downloading.
 */
export async function remuxDownload(
  video: RemuxSource | null,
  audio: RemuxSource | null,
  outFile: string,
  options: RemuxOptions,
): Promise<void> {
  const sources = [video, audio].filter((s): s is RemuxSource => s !== null);
  if (sources.length === 0) throw new Error('A download needs a video or an audio stream');
  // Both streams from one file: open it once, not twice.
  const paths = [...new Set(sources.map((s) => s.path))];
  const inputs = paths.map((path) => {
    const { demuxer } = sources.find((s) => s.path === path)!;
    return { path, demuxer, options: [] };
  });
  await runFfmpeg(
    {
      globalOptions: QUIET_WITH_PROGRESS,
      inputs,
      filterComplex: null,
      outputs: [
        {
          path: outFile,
          options: [
            ...sources.flatMap((s) => ['-map', `${paths.indexOf(s.path)}:${s.stream}`]),
            '-c',
            'copy',
            '-map_metadata',
            '-1',
            '-map_chapters',
            '-1',
            '-movflags',
            '+faststart',
            '-f',
            'mp4',
          ],
        },
      ],
    },
    { step: 'the download file', ...options },
  );
}
