import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { BROADCAST_DVR_WINDOW_SECONDS } from '@folkemote/domain';
import type { SegmentOutput } from '../stand-in/egress-request.ts';
import { broadcastLadder } from './broadcast-ladder.ts';
import type { StreamEncoding } from './hls-output-arguments.ts';
import { StreamUploader } from './stream-uploader.ts';

export interface BroadcastStream {
  /** What ffmpeg is given to write the ladder. */
  encoding: StreamEncoding;
  /** The uploader of what ffmpeg writes, once the stream's first picture has a wall clock. */
  uploader(startedAtMs: number): StreamUploader;
}

/**
 * Makes ready a segmented output of the egress: the ladder for the room's media, ffmpeg's
 * folders under `workDir/stream`, and the uploader to the output's bucket and prefix.
 */
export async function prepareBroadcastStream(options: {
  workDir: string;
  segments: SegmentOutput;
  framerate: number;
  video: boolean;
  audio: boolean;
}): Promise<BroadcastStream> {
  const { output, upload } = options.segments;
  const dir = path.join(options.workDir, 'stream');
  const ladder = broadcastLadder(options.framerate, options);
  for (const rendition of ladder) await mkdir(path.join(dir, rendition.name), { recursive: true });
  const segmentSeconds = output.segmentDuration;
  return {
    encoding: { dir, ladder, segmentSeconds, framerate: options.framerate },
    uploader: (startedAtMs) =>
      new StreamUploader({
        dir,
        ladder,
        upload,
        prefix: output.filenamePrefix,
        playlistName: output.playlistName,
        // Without a live playlist, the one playlist grows while live and is closed at the end.
        livePlaylistName: output.livePlaylistName || output.playlistName,
        segmentSeconds,
        windowSegments: Math.ceil(BROADCAST_DVR_WINDOW_SECONDS / segmentSeconds),
        startedAtMs,
      }),
  };
}
