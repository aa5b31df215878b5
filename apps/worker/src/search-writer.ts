import { findReplayChapters, type RecordingCaptionRow } from '@folkemote/db';
import { type ReplayInput, renderSearchIndex, renderSearchPage } from '@folkemote/site';
import { publicKeys } from '@folkemote/storage';
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

/** `search-index.json`: every public replay's words and moments, for the search pages. */
export async function writeSearchIndexFile(put: Put, items: readonly ReplayInput[]): Promise<number> {
  const body = renderSearchIndex(items);
  await put(publicKeys.searchIndex(), body);
  return Buffer.byteLength(body);
}

/** The search page in each language. */
export async function writeSearchPages(put: Put, baseUrl: string): Promise<void> {
  for (const locale of ['nb', 'nn', 'en'] as const) {
    await put(publicKeys.searchPage(locale), renderSearchPage({ baseUrl, locale }));
  }
}
