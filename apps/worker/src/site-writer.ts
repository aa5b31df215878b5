import {
  approvedOnly,
  findEventById,
  findRecordingAudioDescription,
  findReplayChapters,
  listAllRecordingCaptions,
  listManualChapters,
  listPublishedReplays,
  listRecordingAudioDescriptions,
  listRecordingCaptions,
  type PublishedReplay,
  type RecordingCaptionRow,
  type RecordingRow,
} from '@folkemote/db';
import { captionLabels, mergeChapters } from '@folkemote/domain';
import {
  type ReplayInput,
  renderArchivePage,
  renderChaptersVtt,
  renderEmbedPage,
  renderJsonFeed,
  renderOembed,
  renderReplayPage,
  renderRssFeed,
  siteAssets,
} from '@folkemote/site';
import { cacheControlFor, contentHash, contentTypeFor, publicKeys, putObject } from '@folkemote/storage';
import type { WorkerDeps } from './deps.ts';
import { withSearchText, writeSearchIndexFile, writeSearchPages } from './search-writer.ts';
import { loadTranscript } from './site-transcript.ts';

function toReplayInput(
  baseUrl: string,
  replay: PublishedReplay,
  captions: RecordingCaptionRow[],
  audioDescription: ReplayInput['audioDescription'] = null,
): ReplayInput {
  const { manifest } = replay.version;
  return {
    baseUrl,
    locale: replay.event?.language ?? 'nb',
    recording: replay.recording,
    event: replay.event,
    version: {
      id: replay.version.id,
      prefix: replay.version.prefix,
      master: manifest.master,
      poster: manifest.poster,
      download: manifest.download,
      sprite: manifest.sprite ? { vtt: manifest.sprite.vtt } : null,
      hasVideo: manifest.hasVideo,
    },
    // Only approved tracks are public: a draft is never linked from a page.
    captions: approvedOnly(captions).map((c) => ({
      srclang: c.language,
      label: captionLabels[c.language],
      path: c.publicKey,
      kind: c.kind,
    })),
    audioDescription,
  };
}

async function put(deps: WorkerDeps, key: string, body: string | Buffer) {
  await putObject(deps.s3, {
    bucket: deps.s3Settings.publicBucket,
    key,
    body,
    contentType: contentTypeFor(key),
    cacheControl: cacheControlFor(key),
  });
}

/**
 * Writes a recording's replay page, embed page, oEmbed and pointer for the
 * given version. The replay page is the public pointer: one PUT flips viewers
 * from the old version to the new one, which is complete and verified.
 */
export async function writeReplayPages(
  deps: WorkerDeps,
  replay: Omit<PublishedReplay, 'event'> & { eventId: string | null },
): Promise<void> {
  const event = replay.eventId ? await findEventById(deps.db, replay.eventId) : null;
  const captions = await listRecordingCaptions(deps.db, replay.recording.id);
  const described = await findRecordingAudioDescription(deps.db, replay.recording.id);
  const input = toReplayInput(deps.s3Settings.publicBaseUrl, { ...replay, event }, captions, described);
  const id = replay.recording.id;
  input.chapters = await writeChapters(deps, id, replay.recording.durationSeconds);
  input.transcript = await loadTranscript(deps, id, captions, event?.language ?? input.locale);
  await put(deps, publicKeys.embedPage(id), renderEmbedPage(input));
  await put(deps, publicKeys.oembed(id), JSON.stringify(renderOembed(input, {})));
  await put(
    deps,
    publicKeys.pointer(id),
    JSON.stringify({
      recordingId: id,
      versionId: replay.version.id,
      kind: replay.version.kind,
      prefix: replay.version.prefix,
    }),
  );
  await put(deps, publicKeys.replayPage(id), renderReplayPage(input));
}

/** The pages of a version about to go public, from its recording's row and the version's manifest. */
export function writeVersionPages(
  deps: WorkerDeps,
  recording: Pick<RecordingRow, 'id' | 'title' | 'publishedAt' | 'eventId'>,
  version: PublishedReplay['version'],
): Promise<void> {
  return writeReplayPages(deps, {
    recording: {
      id: recording.id,
      title: recording.title,
      durationSeconds: version.manifest.durationSeconds,
      publishedAt: (recording.publishedAt ?? new Date()).toISOString(),
    },
    eventId: recording.eventId,
    version,
  });
}

/**
 * The replay's chapter track: the Q&A's chapters, when the organiser has published them (their file is
 * already in the bucket), and those made by hand; with any made by hand, both go into one new
 * content-hashed file.
 */
async function writeChapters(
  deps: WorkerDeps,
  id: string,
  durationSeconds: number,
): Promise<ReplayInput['chapters']> {
  const fromQuestions = await findReplayChapters(deps.db, id);
  const byHand = await listManualChapters(deps.db, id);
  if (byHand.length === 0)
    return fromQuestions?.publicKey ? { path: fromQuestions.publicKey, items: fromQuestions.chapters } : null;
  const items = mergeChapters(
    fromQuestions?.publicKey ? fromQuestions.chapters : [],
    byHand,
    durationSeconds,
  );
  const vtt = renderChaptersVtt(items);
  const key = publicKeys.chapters(id, contentHash(vtt));
  await put(deps, key, vtt);
  return { path: key, items, byHand: true };
}

async function publicItems(deps: WorkerDeps): Promise<ReplayInput[]> {
  const baseUrl = deps.s3Settings.publicBaseUrl;
  const captions = await listAllRecordingCaptions(deps.db);
  const described = await listRecordingAudioDescriptions(deps.db);
  const items = (await listPublishedReplays(deps.db)).map((r) =>
    toReplayInput(baseUrl, r, captions.get(r.recording.id) ?? [], described.get(r.recording.id) ?? null),
  );
  return withSearchText(deps, items, captions);
}

/**
 * The search index alone, from what the database says is public: after a replay's captions or
 * chapters change (replay.refresh), which does not rebuild the whole site.
 */
export async function writeSearchIndex(deps: WorkerDeps): Promise<void> {
  const items = await publicItems(deps);
  const { bytes, storedBytes } = await writeSearchIndexFile(deps, items);
  deps.log.info({ replays: items.length, bytes, storedBytes }, 'search index written');
}

/** The archive, the feeds, the search pages and index and the static assets, from what the database says is public. */
export async function rebuildSite(deps: WorkerDeps): Promise<void> {
  const baseUrl = deps.s3Settings.publicBaseUrl;
  const items = await publicItems(deps);
  const archive = { baseUrl, locale: 'nb' as const, items };
  await ensureSiteAssets(deps);
  await put(deps, publicKeys.jsonFeed(), JSON.stringify(renderJsonFeed(archive)));
  await put(deps, publicKeys.rssFeed(), renderRssFeed(archive));
  // The archive in each language; a replay page stays in its own event's language.
  for (const locale of ['nb', 'nn', 'en'] as const) {
    await put(deps, publicKeys.archivePage(locale), renderArchivePage({ ...archive, locale }));
  }
  await writeSearchPages((key, body) => put(deps, key, body), baseUrl);
  await writeSearchIndexFile(deps, items);
  deps.log.info({ replays: items.length }, 'public site rebuilt');
}

/** The player script, hls.js and the style sheet every page links to. */
export async function ensureSiteAssets(deps: WorkerDeps): Promise<void> {
  for (const asset of await siteAssets()) {
    await putObject(deps.s3, {
      bucket: deps.s3Settings.publicBucket,
      key: publicKeys.asset(asset.name),
      body: asset.body,
      contentType: asset.contentType,
      cacheControl: cacheControlFor(publicKeys.asset(asset.name)),
    });
  }
}
