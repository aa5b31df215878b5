import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  findReplayChapters,
  listManualChapters,
  listRecordingCaptions,
  markCutsApplied,
  type Queryable,
  saveReplayChapters,
  upsertRecordingCaption,
  writeManualChapters,
} from '@folkemote/db';
import {
  type CaptionKind,
  type CaptionLanguage,
  type CaptionStatus,
  type ManualChapter,
  parseCaptions,
  retrimCues,
  retrimRange,
  type TimeRange,
  toSourceTime,
  toTrimmedTimeClamped,
  toWebVtt,
} from '@folkemote/domain';
import { renderChaptersVtt } from '@folkemote/site';
import { contentHash, downloadObject, publicKeys, putObject, rawKeys } from '@folkemote/storage';
import type { WorkerDeps } from '../deps.ts';

export function sameCuts(a: readonly TimeRange[], b: readonly TimeRange[]): boolean {
  return a.length === b.length && a.every((c, i) => c.start === b[i]?.start && c.end === b[i]?.end);
}

/** The captions and chapters of a recording moved onto a new trim, written to the bucket, not yet recorded. */
export interface MovedTimedText {
  captions: Array<{
    language: CaptionLanguage;
    kind: CaptionKind;
    status: CaptionStatus;
    publicKey: string;
    cueCount: number;
  }>;
  chapters: { eventId: string; chapters: ReturnType<typeof moveChapters>; publicKey: string | null } | null;
  /** The chapters made by hand, at their times in the new version. */
  manualChapters: ManualChapter[];
}

/** A chapter made by hand starts at the same moment of the source; one inside a cut, where the cut ends. */
function moveManualChapters(
  from: readonly TimeRange[],
  to: readonly TimeRange[],
  chapters: readonly ManualChapter[],
) {
  return chapters.map((c) => ({
    ...c,
    startSeconds: toTrimmedTimeClamped(to, toSourceTime(from, c.startSeconds)),
  }));
}

function moveChapters(
  from: readonly TimeRange[],
  to: readonly TimeRange[],
  chapters: ReadonlyArray<{ questionId: string; startSeconds: number; endSeconds: number; title: string }>,
) {
  return chapters.flatMap((c) => {
    const r = retrimRange(from, to, { start: c.startSeconds, end: c.endSeconds });
    return r ? [{ ...c, startSeconds: r.start, endSeconds: r.end }] : [];
  });
}

/**
 * Moves every caption track and the chapters of a recording from the times of the version made
 * with `from` to those of one made with `to` (source time in between): a cue inside a cut goes,
 * later ones move up, one across a cut's edge is clipped. The new files go to the public bucket
 * under new content-hashed names; the old ones stay, so the public version keeps working until
 * the pointer flips. Nothing is recorded here: see `recordMovedTimedText`.
 */
export async function moveTimedText(
  deps: Pick<WorkerDeps, 'db' | 's3' | 's3Settings'>,
  recordingId: string,
  eventId: string | null,
  from: readonly TimeRange[],
  to: readonly TimeRange[],
  workDir: string,
): Promise<MovedTimedText> {
  const bucket = deps.s3Settings.publicBucket;
  const captions: MovedTimedText['captions'] = [];
  for (const caption of await listRecordingCaptions(deps.db, recordingId)) {
    // A draft lies in the raw bucket, an approved track in the public one; each stays where it is.
    const captionBucket = caption.status === 'approved' ? bucket : deps.s3Settings.rawBucket;
    const file = path.join(workDir, `${caption.kind}-${caption.language}.vtt`);
    await downloadObject(deps.s3, captionBucket, caption.publicKey, file);
    const cues = retrimCues(from, to, parseCaptions(await readFile(file, 'utf8')));
    await rm(file, { force: true });
    const vtt = toWebVtt(cues);
    const key =
      caption.status === 'approved'
        ? publicKeys.captions(recordingId, caption, contentHash(vtt))
        : rawKeys.captionsDraft(recordingId, caption, contentHash(vtt));
    await putObject(deps.s3, { bucket: captionBucket, key, body: vtt });
    const { language, kind, status } = caption;
    captions.push({ language, kind, status, publicKey: key, cueCount: cues.length });
  }
  const manualChapters = moveManualChapters(from, to, await listManualChapters(deps.db, recordingId));
  const published = eventId ? await findReplayChapters(deps.db, recordingId) : null;
  if (!published || !eventId) return { captions, chapters: null, manualChapters };
  const chapters = moveChapters(from, to, published.chapters);
  let publicKey: string | null = null;
  if (chapters.length > 0) {
    const vtt = renderChaptersVtt(chapters);
    publicKey = publicKeys.chapters(recordingId, contentHash(vtt));
    await putObject(deps.s3, { bucket, key: publicKey, body: vtt });
  }
  return { captions, chapters: { eventId, chapters, publicKey }, manualChapters };
}

/** Records the moved captions and chapters and the cuts they are in, in the caller's transaction. */
export async function recordMovedTimedText(
  tx: Queryable,
  recordingId: string,
  moved: MovedTimedText,
  cuts: TimeRange[],
): Promise<void> {
  for (const c of moved.captions) await upsertRecordingCaption(tx, { recordingId, ...c });
  if (moved.chapters) await saveReplayChapters(tx, { recordingId, ...moved.chapters, now: new Date() });
  await writeManualChapters(tx, recordingId, moved.manualChapters);
  await markCutsApplied(tx, recordingId, cuts);
}
