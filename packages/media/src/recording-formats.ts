import { UnusableMediaError } from './errors.ts';

/**
 * The containers a recording may come in, by the format name ffprobe reports, each with the
 * demuxer that reads it. None of these demuxers opens a second file or URL named inside the
 * file (MOV's external data references stay off, ffmpeg's default). Playlists (HLS), manifests
 * (DASH), lists (ffconcat), image sequences (image2) and session descriptions (SDP) do: an
 * upload in one of them would make the worker read and publish whatever it names — another
 * organisation's source in the worker's folder, say — so they are never opened at all.
 */
export const RECORDING_DEMUXERS = ['mov', 'matroska', 'mpegts', 'ogg', 'wav', 'mp3', 'aac', 'flac'] as const;

/** A demuxer a recording may be read with. */
export type RecordingDemuxer = (typeof RECORDING_DEMUXERS)[number];

const DEMUXER_OF_CONTAINER: ReadonlyMap<string, RecordingDemuxer> = new Map([
  ['mov,mp4,m4a,3gp,3g2,mj2', 'mov'],
  ['matroska,webm', 'matroska'],
  ['mpegts', 'mpegts'],
  ['ogg', 'ogg'],
  ['wav', 'wav'],
  ['mp3', 'mp3'],
  ['aac', 'aac'],
  ['flac', 'flac'],
]);

/** The containers as an organiser knows them, for reasons. */
export const RECORDING_FORMATS_TEXT = 'MP4, MOV, M4A, MKV, WebM, MPEG-TS, Ogg, WAV, MP3, AAC or FLAC';

/** A file and the demuxer it was probed as: every later ffmpeg run reads it as that and nothing else. */
export interface MediaFile {
  path: string;
  demuxer: RecordingDemuxer;
}

/**
 * The one protocol a recording is read through. A name inside the file cannot reach the
 * network (http, rtp, udp …) nor wrap another file (subfile, concat, data, crypto); a recording
 * is never read from a pipe, so `pipe` (which opens any inherited descriptor) is not admitted
 * either. The `file` protocol itself opens any path, which is why the demuxer is restricted too.
 */
export const MEDIA_PROTOCOLS = 'file';

const SELF_CONTAINED = ': upload the video or audio file itself';
const REFUSED_FORMATS: [RegExp, string][] = [
  [/^hls$/, `The file is an HLS playlist, not a recording${SELF_CONTAINED}`],
  [/^dash$/, `The file is a DASH manifest, not a recording${SELF_CONTAINED}`],
  [/^concat$/, `The file is a list of other files (ffconcat), not a recording${SELF_CONTAINED}`],
  [/^(image2|image2pipe|\w+_pipe|apng|gif|webp|jpegxl_anim)$/, 'The file is a still image, not a recording'],
  [/^(tty|ansi|bintext|xbin|idf|txt)$/, 'The file is not a video or audio recording'],
];

/** Why a file of this format (ffprobe's or ffmpeg's name for its demuxer) is no recording. */
export function describeRefusedFormat(formatName: string): string {
  for (const [pattern, reason] of REFUSED_FORMATS) if (pattern.test(formatName)) return reason;
  const shown = formatName.replace(/[^\w,.-]/g, '').slice(0, 40) || 'unknown';
  return `The file's format (${shown}) is not accepted: a recording must be ${RECORDING_FORMATS_TEXT}`;
}

/**
 * The demuxer for a container ffprobe reported.
 * @throws UnusableMediaError saying what the file is, when a recording may not be in it.
 */
export function recordingDemuxer(container: string): RecordingDemuxer {
  const demuxer = DEMUXER_OF_CONTAINER.get(container);
  if (!demuxer) throw new UnusableMediaError(describeRefusedFormat(container));
  return demuxer;
}

/** The file as ffmpeg's `file` protocol: a name with a colon or a comma is never read as a protocol. */
export function fileUrl(path: string): string {
  return `file:${path}`;
}

/** Options before `-i` for a file not probed yet: only a recording's demuxers, only the file itself. */
export function probeInputOptions(): string[] {
  return ['-format_whitelist', RECORDING_DEMUXERS.join(','), '-protocol_whitelist', MEDIA_PROTOCOLS];
}

/** Options before `-i` for a probed file: read as what it was probed as, never guessed again. */
export function mediaInputOptions(demuxer: RecordingDemuxer): string[] {
  return ['-f', demuxer, '-format_whitelist', demuxer, '-protocol_whitelist', MEDIA_PROTOCOLS];
}

/** ffmpeg's complaint when a probe found a demuxer off the list: its name, or null for other errors. */
export function refusedDemuxerIn(stderr: string): string | null {
  return /\[([\w,]+) @ (?:0x)?[0-9a-f]+\] Format not on whitelist/.exec(stderr)?.[1] ?? null;
}
