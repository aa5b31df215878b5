import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import {
  type BroadcastRow,
  findEventAutoPublish,
  findEventWithRegistrationById,
  findRecording,
} from '@folkemote/db';
import type { BroadcastManifest } from '@folkemote/domain';
import { isBroadcastStreamClosed } from '@folkemote/pipeline';
import {
  buildBroadcastManifest,
  type LiveInput,
  renderLiveEmbedPage,
  renderLiveOembed,
  renderLivePage,
} from '@folkemote/site';
import { cacheControlFor, contentTypeFor, publicKeys, putObject } from '@folkemote/storage';
import type { WorkerDeps } from './deps.ts';

/** `broadcast.json` is what turns every viewer's page from live to replay: seconds, not a minute. */
export const BROADCAST_MANIFEST_CACHE_CONTROL = 'public, max-age=1';

/** What the pages are rendered from: the event as its public page shows it, and the manifest. */
export async function loadBroadcastPage(
  deps: WorkerDeps,
  broadcast: BroadcastRow,
  now = new Date(),
): Promise<{ input: LiveInput; onAir: boolean } | null> {
  const event = await findEventWithRegistrationById(deps.db, broadcast.eventId, now);
  if (!event) return null;
  const flagged = event.broadcast;
  // Once its recording exists, the recording's own publication decides (an organiser may have
  // unpublished the quick replay); until then, the event's option.
  const recording = await findRecording(deps.db, broadcast.id);
  const autoPublish = recording
    ? recording.publication === 'public'
    : (await findEventAutoPublish(deps.db, event.id)) === true;
  const streamClosed =
    broadcast.status === 'ended' &&
    (await isBroadcastStreamClosed(deps.s3, deps.s3Settings.publicBucket, broadcast.id));
  const manifest = buildBroadcastManifest({ event, broadcast, autoPublish, streamClosed, now });
  const { id, slug, title, description, startsAt, endsAt, language, organisation, contact, mode, address } =
    event;
  return {
    input: {
      baseUrl: deps.s3Settings.publicBaseUrl,
      broadcastId: broadcast.id,
      // Only what the event's public page shows: nothing of its registrants.
      event: {
        id,
        slug,
        title,
        description,
        startsAt,
        endsAt,
        language,
        organisation,
        contact,
        mode,
        address,
      },
      eventPageUrl: `${deps.config.publicAppUrl}/arrangement/${encodeURIComponent(slug)}`,
      manifest,
    },
    // A draft or cancelled event, or one no longer marked for broadcast before it went live, has
    // no live page; once live, what was broadcast stays at its address.
    onAir: broadcast.status !== 'scheduled' || (flagged && event.status === 'published'),
  };
}

async function put(deps: WorkerDeps, key: string, body: string, cacheControl = cacheControlFor(key)) {
  await putObject(deps.s3, {
    bucket: deps.s3Settings.publicBucket,
    key,
    body,
    contentType: contentTypeFor(key),
    cacheControl,
  });
}

const pageKeys = (id: string) => [publicKeys.replayPage(id), publicKeys.embedPage(id), publicKeys.oembed(id)];

/**
 * The live page, its embed and oEmbed (unless the replay owns them), then `broadcast.json`, which
 * the pages already on viewers' screens poll: the page is right before it says to switch.
 */
export async function writeBroadcastPages(
  deps: WorkerDeps,
  input: LiveInput,
  ownedByReplay: boolean,
): Promise<void> {
  const id = input.broadcastId;
  if (!ownedByReplay) {
    await put(deps, publicKeys.embedPage(id), renderLiveEmbedPage(input));
    await put(deps, publicKeys.oembed(id), JSON.stringify(renderLiveOembed(input)));
    await put(deps, publicKeys.replayPage(id), renderLivePage(input));
  }
  await writeBroadcastManifest(deps, id, input.manifest);
}

export async function writeBroadcastManifest(
  deps: WorkerDeps,
  broadcastId: string,
  manifest: BroadcastManifest,
): Promise<void> {
  await put(
    deps,
    publicKeys.broadcastManifest(broadcastId),
    JSON.stringify(manifest),
    BROADCAST_MANIFEST_CACHE_CONTROL,
  );
}

/** Takes a broadcast that will not happen off the site: the manifest first, then the pages. */
export async function removeBroadcastPages(
  deps: WorkerDeps,
  broadcastId: string,
  ownedByReplay: boolean,
): Promise<void> {
  const keys = [publicKeys.broadcastManifest(broadcastId), ...(ownedByReplay ? [] : pageKeys(broadcastId))];
  for (const key of keys)
    await deps.s3.send(new DeleteObjectCommand({ Bucket: deps.s3Settings.publicBucket, Key: key }));
}
