/**
 * Why a recording failed, as a code and its numbers, for the organiser's interface to say in its
 * own language. The worker stores its reason as an English sentence (kept for logs, the CLI and API
 * clients as `failureReason`); this reads that sentence into a code. Sentences it does not know
 * come out as `other`, and the interface then shows the stored sentence as it is.
 */
export type RecordingFailure =
  | { code: 'not_media' }
  | { code: 'still_image' }
  | { code: 'playlist' }
  | { code: 'format_refused'; format: string }
  | { code: 'truncated' }
  | { code: 'unfinished' }
  | { code: 'empty' }
  | { code: 'missing' }
  | { code: 'unreadable' }
  | { code: 'no_streams' }
  | { code: 'zero_duration' }
  | { code: 'no_picture_size' }
  | { code: 'audio_unmeasurable' }
  | { code: 'recording_aborted' }
  | { code: 'recording_limit' }
  | { code: 'processing_failed'; attempts: number }
  | { code: 'other' };

type Simple = Exclude<RecordingFailure, { code: 'format_refused' | 'processing_failed' }>['code'];

// The sentences of packages/media (probe-media.ts, recording-formats.ts, run-ffmpeg.ts) and of the
// LiveKit egress report, most specific first.
const patterns: [RegExp, Simple][] = [
  [/^The file is not a video or audio recording/, 'not_media'],
  [/^The file is a still image/, 'still_image'],
  [/^The file is (an HLS playlist|a DASH manifest|a list of other files)/, 'playlist'],
  [/so the recording was not finished$/, 'unfinished'],
  [/^The file is truncated/, 'truncated'],
  [/^The file could not be read to the end/, 'truncated'],
  [/^The file is empty/, 'empty'],
  [/^The (file does not exist|path is not a file)/, 'missing'],
  [/^The file cannot be read/, 'unreadable'],
  [/^The file contains neither video nor audio/, 'no_streams'],
  [/^The recording has zero duration/, 'zero_duration'],
  [/^The video has no picture size/, 'no_picture_size'],
  [/^The audio could not be measured/, 'audio_unmeasurable'],
  [/^The recording was aborted/, 'recording_aborted'],
  [/^The recording reached its time limit/, 'recording_limit'],
];

export function classifyRecordingFailure(reason: string): RecordingFailure {
  const attempts = /^Processing failed after (\d+) attempts?:/.exec(reason);
  if (attempts) return { code: 'processing_failed', attempts: Number(attempts[1]) };
  const format = /^The file's format \(([^)]*)\) is not accepted/.exec(reason);
  if (format) return { code: 'format_refused', format: format[1] ?? '' };
  for (const [pattern, code] of patterns) if (pattern.test(reason)) return { code };
  return { code: 'other' };
}
