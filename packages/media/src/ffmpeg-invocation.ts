import { fileUrl, type MediaFile, mediaInputOptions } from './recording-formats.ts';

/**
 * What an ffmpeg run reads: a recording (or a file made from one) with the demuxer it was
 * probed as, or a picture or sound ffmpeg makes itself from a filter graph of ours.
 */
export type FfmpegInput = (MediaFile | { lavfi: string } | { concatList: string }) & { options: string[] };

/**
 * A concat list of ours (the trim's pieces): safe names only (relative, no protocol), read
 * through the `file` protocol, and the pieces only as MPEG-TS. The list never names a file we
 * did not write.
 */
const CONCAT_OPTIONS = [
  '-f',
  'concat',
  '-safe',
  '1',
  '-protocol_whitelist',
  'file',
  '-format_whitelist',
  'concat,mpegts',
];

/** One ffmpeg command as data, so it can be built and tested without running it. */
export interface FfmpegInvocation {
  /** Options that apply to the whole run (log level, progress reporting). */
  globalOptions: string[];
  inputs: FfmpegInput[];
  filterComplex: string | null;
  outputs: { path: string; options: string[] }[];
}

/**
 * How an input is opened: every file with its demuxer forced and through the `file` protocol
 * only, so nothing inside it can make ffmpeg read another file or a URL. The one place inputs
 * are turned into arguments.
 */
export function inputArgs(input: FfmpegInput): { options: string[]; source: string } {
  if ('lavfi' in input) return { options: ['-f', 'lavfi', ...input.options], source: input.lavfi };
  if ('concatList' in input)
    return { options: [...CONCAT_OPTIONS, ...input.options], source: fileUrl(input.concatList) };
  return { options: [...mediaInputOptions(input.demuxer), ...input.options], source: fileUrl(input.path) };
}

/** The argument list ffmpeg receives (fluent-ffmpeg adds `-y`). */
export function toArgs(invocation: FfmpegInvocation): string[] {
  return [
    ...invocation.globalOptions,
    ...invocation.inputs.flatMap((input) => {
      const { options, source } = inputArgs(input);
      return [...options, '-i', source];
    }),
    ...(invocation.filterComplex ? ['-filter_complex', invocation.filterComplex] : []),
    ...invocation.outputs.flatMap((output) => [...output.options, output.path]),
  ];
}

/** How every run reports: progress as key=value blocks on stderr, and log lines from `level` up. */
export function progressOptions(level: 'error' | 'info' = 'error'): string[] {
  return ['-hide_banner', '-nostdin', '-loglevel', level, '-nostats', '-progress', 'pipe:2'];
}

/** Errors only, plus progress: the usual run. */
export const QUIET_WITH_PROGRESS = progressOptions('error');

/**
 * ffmpeg's `-progress` blocks report `out_time_us` (microseconds, despite the legacy
 * `out_time_ms` name carrying the same number). Returns seconds, or null for other lines.
 */
export function parseProgressTime(line: string): number | null {
  const match = /^out_time_(?:us|ms)=(-?\d+)\s*$/.exec(line.trim());
  if (!match) return null;
  const micros = Number(match[1]);
  return Number.isFinite(micros) && micros >= 0 ? micros / 1e6 : null;
}

/** True for the lines of a `-progress` block, which are not diagnostics. */
export function isProgressLine(line: string): boolean {
  return /^(frame|fps|stream_\d+_\d+_q|bitrate|total_size|out_time(_us|_ms)?|dup_frames|drop_frames|speed|progress)=/.test(
    line.trim(),
  );
}
