import { gzipSync } from 'node:zlib';
import { findReplayChapters, type RecordingCaptionRow } from '@folkemote/db';
import { type ReplayInput, renderSearchIndex, renderSearchPage } from '@folkemote/site';
import { cacheControlFor, contentTypeFor, publicKeys, putObject } from '@folkemote/storage';
import type { WorkerDeps } from './deps.ts';
import { loadTranscript } from './site-transcript.ts';

type Put = (key: string, body: string) => Promise<void>;

/**
 * The public replays with what search needs beside their metadata: the published chapters and
 * the transcript (approved captions in the page's language, read back from the bucket).
 */
export async function withSearchText(
  deps: WorkerDeps,
  items: readonly ReplayInput[],
  captions: ReadonlyMap<string, RecordingCaptionRow[]>,
): Promise<ReplayInput[]> {
  const out: ReplayInput[] = [];
  for (const item of items) {
    const id = item.recording.id;
    const chapters = await findReplayChapters(deps.db, id);
    const language = item.event?.language ?? item.locale;
    out.push({
      ...item,
      chapters: chapters?.publicKey ? { path: chapters.publicKey, items: chapters.chapters } : null,
      transcript: await loadTranscript(deps, id, captions.get(id) ?? [], language),
    });
  }
  return out;
}

/**
 * `search-index.json`: every public replay's words and moments, for the search pages. Stored
 * gzipped (a third of the size for speech) with `Content-Encoding: gzip`, which every browser
 * reads as the plain file; a minute's cache like the pages, then revalidated by its ETag.
 */
export async function writeSearchIndexFile(
  deps: WorkerDeps,
  items: readonly ReplayInput[],
): Promise<{ bytes: number; storedBytes: number }> {
  const json = renderSearchIndex(items);
  const body = gzipSync(json);
  const key = publicKeys.searchIndex();
  await putObject(deps.s3, {
    bucket: deps.s3Settings.publicBucket,
    key,
    body,
    contentType: contentTypeFor(key),
    cacheControl: cacheControlFor(key),
    contentEncoding: 'gzip',
  });
  return { bytes: Buffer.byteLength(json), storedBytes: body.byteLength };
}

/** The search page in each language. */
export async function writeSearchPages(put: Put, baseUrl: string): Promise<void> {
  for (const locale of ['nb', 'nn', 'en'] as const) {
    await put(publicKeys.searchPage(locale), renderSearchPage({ baseUrl, locale }));
  }
}
