import path from 'node:path';
import type { LadderRendition } from './broadcast-ladder.ts';

/** What ffmpeg writes per rendition: its own playlist of every finished segment, beside them. */
export const LOCAL_PLAYLIST = 'ffmpeg.m3u8';
export const SEGMENT_PATTERN = 'seg-%05d.ts';

export interface StreamEncoding {
  /** One folder per rendition under it (made before ffmpeg starts). */
  dir: string;
  ladder: readonly LadderRendition[];
  segmentSeconds: number;
  framerate: number;
}

/**
 * ffmpeg's outputs for the ladder, one HLS output per rendition from the same inputs (read and
 * decoded once): each picture is scaled and encoded once, with a keyframe on every segment
 * boundary and none elsewhere (`-g` and `-keyint_min` at the segment's frames, no scene cuts), so
 * every segment starts on a keyframe and runs the same 2 seconds in every rendition. MPEG-TS
 * segments go to `<name>.tmp` until complete (`temp_file`), so only whole ones are ever listed.
 */
export function hlsOutputArguments(stream: StreamEncoding): string[] {
  const keyframeInterval = String(Math.round(stream.framerate * stream.segmentSeconds));
  const args: string[] = [];
  for (const rendition of stream.ladder) {
    const { video } = rendition;
    if (video) {
      args.push('-vf', `scale=${video.width}:${video.height},setsar=1,format=yuv420p`);
      // ultrafast uses no tool beyond Constrained Baseline (no CABAC, no B-frames): say so, so
      // the playlists' CODECS are what the segments hold, and every player can decode it.
      args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-profile:v', 'baseline');
      args.push('-level:v', String(rendition.level ?? 3.1), '-pix_fmt', 'yuv420p');
      args.push('-b:v', `${video.kbps}k`, '-maxrate', `${video.kbps}k`, '-bufsize', `${video.kbps * 2}k`);
      args.push('-g', keyframeInterval, '-keyint_min', keyframeInterval, '-sc_threshold', '0');
      args.push('-force_key_frames', `expr:gte(t,n_forced*${stream.segmentSeconds})`);
    } else {
      args.push('-vn');
    }
    args.push('-c:a', 'aac', '-b:a', `${rendition.audioKbps}k`, '-ar', '48000', '-ac', '2');
    const folder = path.join(stream.dir, rendition.name);
    args.push('-f', 'hls', '-hls_time', String(stream.segmentSeconds), '-hls_list_size', '0');
    args.push('-hls_segment_type', 'mpegts', '-hls_flags', 'temp_file+independent_segments');
    args.push('-hls_segment_filename', path.join(folder, SEGMENT_PATTERN));
    args.push('-protocol_whitelist', 'pipe,file', path.join(folder, LOCAL_PLAYLIST));
  }
  return args;
}
