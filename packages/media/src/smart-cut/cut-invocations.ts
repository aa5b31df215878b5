import type { TimeRange } from '@folkemote/domain';
import { type FfmpegInvocation, QUIET_WITH_PROGRESS } from '../ffmpeg-invocation.ts';
import type { MediaFile } from '../recording-formats.ts';

/** x264 settings for the few pictures a smart cut re-encodes: near-transparent, they are seconds at most. */
export const SMART_CUT_ENCODE = ['-preset', 'veryfast', '-crf', '16'];

const secs = (t: number) => t.toFixed(6);

/** One stream copy of the source's video, split at the given keyframes into MPEG-TS pieces. */
export function copySplitInvocation(
  source: MediaFile,
  splits: readonly number[],
  pattern: string,
): FfmpegInvocation {
  return {
    globalOptions: QUIET_WITH_PROGRESS,
    inputs: [{ ...source, options: [] }],
    filterComplex: null,
    outputs: [
      {
        path: pattern,
        options: [
          ...['-map', '0:v:0', '-c', 'copy', '-f', 'segment', '-segment_format', 'mpegts'],
          // A hair before each keyframe, so a time rounded down still splits there and not a GOP later.
          ...(splits.length > 0
            ? ['-segment_times', splits.map((s) => secs(Math.max(0, s - 0.001))).join(',')]
            : []),
          '-reset_timestamps',
          '1',
        ],
      },
    ],
  };
}

/** The pictures of [start, end) re-encoded, starting with a keyframe, with the given x264 options. */
export function encodePieceInvocation(
  source: MediaFile,
  piece: TimeRange,
  x264: readonly string[],
  out: string,
): FfmpegInvocation {
  return {
    globalOptions: QUIET_WITH_PROGRESS,
    inputs: [{ ...source, options: ['-ss', secs(piece.start)] }],
    filterComplex: null,
    outputs: [
      {
        path: out,
        options: [
          ...['-t', secs(piece.end - piece.start), '-map', '0:v:0', '-an', '-sn', '-dn'],
          ...x264,
          ...SMART_CUT_ENCODE,
          ...['-g', '100000', '-fps_mode', 'passthrough', '-f', 'mpegts'],
        ],
      },
    ],
  };
}

/** The sound of the kept ranges, cut at the sample and joined, as FLAC (lossless: the ladder encodes it). */
export function audioInvocation(
  source: MediaFile,
  kept: readonly TimeRange[],
  out: string,
): FfmpegInvocation {
  const parts = kept.map(
    (r, i) => `[0:a:0]atrim=start=${secs(r.start)}:end=${secs(r.end)},asetpts=PTS-STARTPTS[a${i}]`,
  );
  const joined = `${kept.map((_, i) => `[a${i}]`).join('')}concat=n=${kept.length}:v=0:a=1[aout]`;
  return {
    globalOptions: QUIET_WITH_PROGRESS,
    inputs: [{ ...source, options: [] }],
    filterComplex: `${parts.join(';')};${joined}`,
    outputs: [{ path: out, options: ['-map', '[aout]', '-c:a', 'flac', '-f', 'flac'] }],
  };
}

/** The concat list of the pieces: names relative to the list, each with its exact length. */
export function concatList(pieces: ReadonlyArray<{ name: string; seconds: number }>): string {
  return `ffconcat version 1.0\n${pieces.map((p) => `file ${p.name}\nduration ${secs(p.seconds)}\n`).join('')}`;
}

/** The pieces (and the sound) joined into one Matroska file, every stream copied. */
export function joinInvocation(list: string, audio: MediaFile | null, out: string): FfmpegInvocation {
  return {
    globalOptions: QUIET_WITH_PROGRESS,
    inputs: [{ concatList: list, options: [] }, ...(audio ? [{ ...audio, options: [] }] : [])],
    filterComplex: null,
    outputs: [
      {
        path: out,
        options: ['-map', '0:v:0', ...(audio ? ['-map', '1:a:0'] : []), '-c', 'copy', '-f', 'matroska'],
      },
    ],
  };
}

/**
 * The whole trimmed result re-encoded in one run (trim filters and concat): the fallback for a
 * source the smart cut cannot copy, and the baseline `pnpm bench:trim` measures against.
 */
export function reencodeInvocation(
  source: MediaFile,
  kept: readonly TimeRange[],
  hasVideo: boolean,
  hasAudio: boolean,
  encoder: readonly string[],
  out: string,
): FfmpegInvocation {
  const chains: string[] = [];
  kept.forEach((r, i) => {
    const range = `start=${secs(r.start)}:end=${secs(r.end)}`;
    if (hasVideo) chains.push(`[0:v:0]trim=${range},setpts=PTS-STARTPTS[v${i}]`);
    if (hasAudio) chains.push(`[0:a:0]atrim=${range},asetpts=PTS-STARTPTS[a${i}]`);
  });
  const labels = kept.map((_, i) => `${hasVideo ? `[v${i}]` : ''}${hasAudio ? `[a${i}]` : ''}`).join('');
  const outs = `${hasVideo ? '[vout]' : ''}${hasAudio ? '[aout]' : ''}`;
  chains.push(`${labels}concat=n=${kept.length}:v=${hasVideo ? 1 : 0}:a=${hasAudio ? 1 : 0}${outs}`);
  return {
    globalOptions: QUIET_WITH_PROGRESS,
    inputs: [{ ...source, options: [] }],
    filterComplex: chains.join(';'),
    outputs: [
      {
        path: out,
        options: [
          ...(hasVideo ? ['-map', '[vout]', ...encoder] : []),
          ...(hasAudio ? ['-map', '[aout]', '-c:a', 'flac'] : []),
          '-f',
          'matroska',
        ],
      },
    ],
  };
}
