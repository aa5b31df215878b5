import type { SegmentsInfo } from '@livekit/protocol';
import type { SegmentOutput } from '../stand-in/egress-request.ts';
import { runFfmpeg } from '../stand-in/render-test-clip.ts';
import { prepareBroadcastStream } from './broadcast-stream.ts';
import { hlsOutputArguments } from './hls-output-arguments.ts';

export interface StandInStreamOptions {
  ffmpegPath: string;
  workDir: string;
  /** The test clip the stand-in recorded. */
  clipPath: string;
  segments: SegmentOutput;
  framerate: number;
  video: boolean;
  audio: boolean;
  /** Wall clock (Unix ms) of the clip's first picture and of its end. */
  startedAtMs: number;
  endedAtMs: number;
  signal?: AbortSignal;
}

/**
 * What the recorder writes for a broadcast, made after the fact from the stand-in's test clip:
 * the same ladder, playlists and uploads (every segment, then the closed playlists), so the
 * rest of the system meets a real stream where LiveKit's server cannot run.
 */
export async function writeStandInStream(options: StandInStreamOptions): Promise<SegmentsInfo> {
  const stream = await prepareBroadcastStream(options);
  const input = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'];
  input.push('-protocol_whitelist', 'file', '-f', 'mp4', '-i', options.clipPath);
  await runFfmpeg(options.ffmpegPath, [...input, ...hlsOutputArguments(stream.encoding)], options.signal);
  return stream.uploader(options.startedAtMs).close(options.endedAtMs);
}
