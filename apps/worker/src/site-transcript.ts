import type { RecordingCaptionRow } from '@folkemote/db';
import { MAX_CAPTION_BYTES, parseCaptions } from '@folkemote/domain';
import type { TranscriptInput } from '@folkemote/site';
import { readObjectText } from '@folkemote/storage';
import type { WorkerDeps } from './deps.ts';

/** Only approved captions (not drafts, not a description track) are public: transcript and search. */
export function approvedCaptions<T extends RecordingCaptionRow>(rows: readonly T[]): T[] {
  return rows.filter((row) => row.status === 'approved' && row.kind === 'captions');
}

/** The caption track a page's transcript shows: the page's own language, else the first approved. */
export function transcriptTrack<T extends RecordingCaptionRow>(
  rows: readonly T[],
  pageLanguage: string,
): T | null {
  const approved = approvedCaptions(rows);
  return approved.find((row) => row.language === pageLanguage) ?? approved[0] ?? null;
}

/**
 * The transcript of a replay: its approved captions in the page's language, read back from the
 * public bucket (the clean WebVTT the caption upload wrote). A file that is gone or unreadable
 * leaves the page without a transcript rather than failing the job; the log names the recording
 * by id only.
 */
export async function loadTranscript(
  deps: WorkerDeps,
  recordingId: string,
  rows: readonly RecordingCaptionRow[],
  pageLanguage: string,
): Promise<TranscriptInput | null> {
  const track = transcriptTrack(rows, pageLanguage);
  if (!track) return null;
  const text = await readObjectText(deps.s3, deps.s3Settings.publicBucket, track.publicKey, {
    maxBytes: MAX_CAPTION_BYTES,
  });
  if (text === null) {
    deps.log.warn({ recordingId, language: track.language }, 'caption file missing; no transcript');
    return null;
  }
  try {
    const cues = parseCaptions(text);
    return {
      language: track.language,
      cues: cues.map((cue) => ({
        startSeconds: cue.startMs / 1000,
        endSeconds: cue.endMs / 1000,
        text: cue.text,
      })),
    };
  } catch {
    deps.log.warn({ recordingId, language: track.language }, 'caption file unreadable; no transcript');
    return null;
  }
}
