import { UnusableMediaError } from '../errors.ts';
import type { MediaFile } from '../recording-formats.ts';
import { runFfprobe } from '../run-ffprobe.ts';

/** What the smart cut needs to know of a source: its video stream's coding, and where it ends. */
export interface CutSource {
  video: {
    codec: string;
    profile: string | null;
    /** H.264 level × 10 (40 is 4.0). */
    level: number | null;
    pixFmt: string | null;
  } | null;
  hasAudio: boolean;
  /** Seconds from the file's start: the file's start time is already taken off. */
  durationSeconds: number;
  startSeconds: number;
}

interface ProbeJson {
  streams?: Array<{
    codec_type?: string;
    codec_name?: string;
    profile?: string;
    level?: number;
    pix_fmt?: string;
    disposition?: { attached_pic?: number };
  }>;
  format?: { duration?: string; start_time?: string };
}

export async function probeForCut(source: MediaFile, signal?: AbortSignal): Promise<CutSource> {
  const result = await runFfprobe(
    source,
    [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_type,codec_name,profile,level,pix_fmt:stream_disposition=attached_pic:format=duration,start_time',
      '-of',
      'json',
    ],
    { signal },
  );
  if (result.exitCode !== 0) throw new UnusableMediaError('The source could not be read for trimming');
  const data = JSON.parse(result.stdout) as ProbeJson;
  const streams = data.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const duration = Number(data.format?.duration);
  if (!Number.isFinite(duration) || duration <= 0)
    throw new UnusableMediaError('The source has no duration to trim');
  return {
    video: v
      ? {
          codec: v.codec_name ?? 'unknown',
          profile: v.profile ?? null,
          level: v.level ?? null,
          pixFmt: v.pix_fmt ?? null,
        }
      : null,
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
    durationSeconds: duration,
    startSeconds: Number(data.format?.start_time) || 0,
  };
}

/**
 * The presentation time of every picture of the first video stream and of its keyframes, read
 * from the packets (nothing is decoded), in seconds from the file's start, ascending.
 */
export async function listVideoFrames(
  source: MediaFile,
  startSeconds: number,
  signal?: AbortSignal,
): Promise<{ frames: number[]; keyframes: number[] }> {
  const frames: number[] = [];
  const keyframes: number[] = [];
  const result = await runFfprobe(
    source,
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0'],
    {
      signal,
      onLine(line) {
        const [pts, flags] = line.split(',');
        const t = Number(pts);
        if (!pts || !Number.isFinite(t)) return;
        frames.push(t - startSeconds);
        if (flags?.includes('K')) keyframes.push(t - startSeconds);
      },
    },
  );
  if (result.exitCode !== 0) throw new UnusableMediaError('The source could not be read for trimming');
  frames.sort((a, b) => a - b);
  keyframes.sort((a, b) => a - b);
  return { frames, keyframes };
}

const X264_PROFILES: Record<string, string> = {
  'Constrained Baseline': 'baseline',
  Baseline: 'baseline',
  Main: 'main',
  High: 'high',
};

/**
 * The x264 options that make re-encoded pictures fit between copied ones (same profile, level
 * and picture format, parameter sets in every keyframe), or null when they cannot: the source
 * is not H.264, or its profile or picture format is one x264 would not make the same way.
 */
export function matchingX264Options(video: CutSource['video']): string[] | null {
  if (video?.codec !== 'h264') return null;
  const profile = video.profile ? X264_PROFILES[video.profile] : undefined;
  if (!profile || !video.level || (video.pixFmt !== 'yuv420p' && video.pixFmt !== 'yuvj420p')) return null;
  return [
    '-c:v',
    'libx264',
    '-profile:v',
    profile,
    '-level:v',
    (video.level / 10).toFixed(1),
    '-pix_fmt',
    video.pixFmt,
  ];
}
