import { statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AUDIO_CODEC_BITRATE } from './encoder-settings.ts';
import { InsufficientDiskError } from './errors.ts';
import type { MediaProbe } from './probe-types.ts';
import { selectLadder } from './select-ladder.ts';

/** Room for the work files, the poster, the sprite and playlists on top of the media. */
const SLACK_BYTES = 50_000_000;

/**
 * A generous estimate of what a full transcode writes: every encoded rendition at its cap
 * (the top one at the source's size when it may be copied), the audio rendition, and the
 * download file, which is about the top rendition plus the audio again.
 */
export function estimateOutputBytes(probe: MediaProbe): number {
  const seconds = probe.durationSeconds;
  const audioBytes = probe.audio ? (AUDIO_CODEC_BITRATE * seconds) / 8 : 0;
  if (!probe.video) return Math.ceil(audioBytes * 2 + SLACK_BYTES);
  const renditions = selectLadder(probe.video);
  const sourceVideoBytes = ((probe.video.bitRate ?? probe.bitRate ?? 0) * seconds) / 8;
  const videoBytes = renditions.reduce((sum, r) => sum + (r.maxrate * seconds) / 8, 0);
  const top = Math.max(sourceVideoBytes, ((renditions[0]?.maxrate ?? 0) * seconds) / 8);
  // The download may be remuxed from a temporary copy of the top rendition: count it twice.
  return Math.ceil(Math.max(videoBytes, sourceVideoBytes) + audioBytes * 2 + top * 2 + SLACK_BYTES);
}

/**
 * Throws InsufficientDiskError when the file system holding `dir` has less than
 * `neededBytes` available to this user. A directory not created yet is judged by its parent.
 */
export async function checkFreeDisk(dir: string, neededBytes: number): Promise<{ availableBytes: number }> {
  let path = resolve(dir);
  for (;;) {
    try {
      const stats = await statfs(path);
      const availableBytes = Number(stats.bavail) * Number(stats.bsize);
      if (availableBytes < neededBytes) throw new InsufficientDiskError(dir, neededBytes, availableBytes);
      return { availableBytes };
    } catch (err) {
      const parent = dirname(path);
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || parent === path) throw err;
      path = parent;
    }
  }
}
