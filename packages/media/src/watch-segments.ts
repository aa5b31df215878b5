import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MEDIA_SEGMENT_PATTERN } from './build-transcode-invocation.ts';

export interface SegmentWatch {
  /** Looks one last time (after ffmpeg has exited) and stops. */
  stop(): Promise<void>;
}

/**
 * Tells of each media segment of the given renditions once ffmpeg has finished it. The HLS
 * muxer writes a segment under a temporary name and renames it when it is complete
 * (`-hls_flags temp_file`), so a segment under its own name is final. Playlists and init
 * segments are not reported: they are only final when ffmpeg has exited.
 */
export function watchSegments(
  outDir: string,
  renditions: readonly string[],
  onReady: (relativePath: string) => void,
  intervalMs = 200,
): SegmentWatch {
  const seen = new Set<string>();
  const look = async () => {
    for (const rendition of renditions) {
      const names = await readdir(join(outDir, rendition)).catch(() => [] as string[]);
      for (const name of names.sort()) {
        if (!MEDIA_SEGMENT_PATTERN.test(name)) continue;
        const relative = `${rendition}/${name}`;
        if (seen.has(relative)) continue;
        seen.add(relative);
        try {
          onReady(relative);
        } catch {
          // A failing listener must not fail the transcode; the file is published at the end anyway.
        }
      }
    }
  };
  let current: Promise<void> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    current = look().finally(() => {
      busy = false;
    });
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await current;
      await look();
    },
  };
}
