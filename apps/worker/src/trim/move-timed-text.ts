import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  findReplayChapters,
  listRecordingCaptions,
  markCutsApplied,
  type Queryable,
  saveReplayChapters,
  upsertRecordingCaption,
} from '@folkemote/db';
import {
  type CaptionLanguage,
  parseCaptions,
  retrimCues,
  retrimRange,
  type TimeRange,
  toWebVtt,
} from '@folkemote/domain';
import { renderChaptersVtt } from '@folkemote/site';
import { downloadObject, publicKeys, putObject } from '@folkemote/storage';
import type { WorkerDeps } from '../deps.ts';

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

export function sameCuts(a: readonly TimeRange[], b: readonly TimeRange[]): boolean {
  return a.length === b.length && a.every((c, i) => c.start === b[i]?.start && c.end === b[i]?.end);
}

/** The captions and chapters of a recording moved onto a new trim, written to the bucket, not yet recorded. */
export interface MovedTimedText {
  captions: Array<{ language: CaptionLanguage; publicKey: string; cueCount: number }>;
  chapters: { eventId: string; chapters: ReturnType<typeof moveChapters>; publicKey: string | null } | null;
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
    const file = path.join(workDir, `captions-${caption.language}.vtt`);
    await downloadObject(deps.s3, bucket, caption.publicKey, file);
    const cues = retrimCues(from, to, parseCaptions(await readFile(file, 'utf8')));
    await rm(file, { force: true });
    const vtt = toWebVtt(cues);
    const publicKey = publicKeys.captions(recordingId, caption.language, hashOf(vtt));
    await putObject(deps.s3, { bucket, key: publicKey, body: vtt });
    captions.push({ language: caption.language, publicKey, cueCount: cues.length });
  }
  const published = eventId ? await findReplayChapters(deps.db, recordingId) : null;
  if (!published || !eventId) return { captions, chapters: null };
  const chapters = moveChapters(from, to, published.chapters);
  let publicKey: string | null = null;
  if (chapters.length > 0) {
    const vtt = renderChaptersVtt(chapters);
    publicKey = publicKeys.chapters(recordingId, hashOf(vtt));
    await putObject(deps.s3, { bucket, key: publicKey, body: vtt });
  }
  return { captions, chapters: { eventId, chapters, publicKey } };
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
  await markCutsApplied(tx, recordingId, cuts);
}
