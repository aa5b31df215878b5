import path from 'node:path';
import {
  ensureBroadcast,
  findEgressByEgressId,
  findRecording,
  findVersion,
  markBroadcastEnded,
  markBroadcastLive,
  setEventAutoPublish,
} from '@folkemote/db';
import { broadcastPagesOwnedByReplay } from '@folkemote/pipeline';
import { listObjects, publicKeys, putObject, rawKeys } from '@folkemote/storage';
import {
  callAs,
  createLiveEvent,
  type LiveEvent,
  roomAction,
  startTestSystem,
  type TestSystem,
  until,
  waitForRecording,
} from '@folkemote/system/testing';
import { createBroadcastClose, createWorkerDeps } from '@folkemote/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeClosedBroadcastStream,
  putBroadcastStream,
  putStreamFile,
} from './support/closed-broadcast-stream.ts';

let system: TestSystem;
let streamDir: string;
let streamFiles: string[];
beforeAll(async () => {
  system = await startTestSystem();
  streamDir = path.join(system.tmp, 'stream');
  streamFiles = await makeClosedBroadcastStream(streamDir);
});
afterAll(async () => {
  await system?.stop();
});

const publicBucket = () => system.deps.s3Settings.publicBucket;
const listPublic = (prefix: string) => listObjects(system.deps.s3, publicBucket(), prefix);
const fetchPublic = (key: string) => fetch(`${system.deps.s3Settings.publicBaseUrl}/${key}`);

/** A broadcast event gone live with its stream in the public bucket, as the egress and going live leave it. */
async function liveBroadcast(options: { autoPublish: boolean }) {
  const event: LiveEvent = await createLiveEvent(system);
  const { db } = system.deps;
  await db.query('update events set broadcast = true where id = $1', [event.id]);
  await setEventAutoPublish(db, event.id, options.autoPublish);
  const broadcast = await ensureBroadcast(db, event.id);
  expect((await roomAction(system, event.slug, event.hostToken, 'open')).status).toBe(200);
  expect((await roomAction(system, event.slug, event.hostToken, 'live')).status).toBe(200);
  expect((await roomAction(system, event.slug, event.hostToken, 'recording/start')).status).toBe(200);
  const egressId = system.liveKitStandIn!.egress().find((e) => e.roomName === `event-${event.id}`)!.egressId;
  await markBroadcastLive(db, event.id, egressId);
  return { event, broadcastId: broadcast.id, egressId };
}

/** The host ends the webinar: the egress completes, the broadcast ends and its close is asked for. */
async function endBroadcast(event: LiveEvent, egressId: string): Promise<string> {
  // Long enough for the stand-in to render a clip of a few seconds.
  await new Promise((r) => setTimeout(r, 3000));
  expect((await roomAction(system, event.slug, event.hostToken, 'end')).status).toBe(200);
  await markBroadcastEnded(system.deps.db, event.id);
  await system.deps.queues.enqueue('broadcast.close', { eventId: event.id });
  const recordingId = await until(
    async () => (await findEgressByEgressId(system.deps.db, egressId))?.recordingId ?? null,
    (id) => id !== null,
    'the recording made from the egress',
  );
  return recordingId!;
}

describe('a public broadcast becomes its replay at the same address', () => {
  it('takes the broadcast id, publishes the closed stream as the quick version without uploading media, then flips to the full version', async () => {
    const { event, broadcastId, egressId } = await liveBroadcast({ autoPublish: true });
    // Held back so the quick version can be looked at before the full one replaces it.
    const transcodes = system.deps.queues.queue('recording.transcode');
    await transcodes.pause();
    try {
      const recordingId = await endBroadcast(event, egressId);
      expect(recordingId).toBe(broadcastId);
      // The egress has closed the stream it wrote (the stand-in's ladder) before it completed.
      const stream = await listPublic(publicKeys.broadcastStreamPrefix(broadcastId));
      expect(stream.has(`replays/${broadcastId}/live/index.m3u8`)).toBe(true);
      await until(
        () => findRecording(system.deps.db, recordingId),
        (r) => r?.state === 'quick_published' || r?.state === 'failed',
        'the quick version',
      );
      const recording = (await findRecording(system.deps.db, recordingId))!;
      expect(recording.state).toBe('quick_published');
      const quick = (await findVersion(system.deps.db, recording.publishedVersionId!))!;
      expect(quick).toMatchObject({
        kind: 'quick',
        source: 'broadcast',
        prefix: `replays/${broadcastId}/live/`,
      });
      expect(quick.manifest?.master).toBe('index.m3u8');
      expect(quick.manifest?.renditions.map((r) => r.name)).toEqual(['720p', '360p', 'audio']);
      // As long as the closed stream: the sum of its top rendition's segments.
      const vod = await (
        await fetchPublic(`${publicKeys.broadcastStreamPrefix(broadcastId)}720p/index.m3u8`)
      ).text();
      const streamSeconds = [...vod.matchAll(/#EXTINF:([\d.]+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
      expect(streamSeconds).toBeGreaterThan(0);
      expect(quick.manifest?.durationSeconds).toBeCloseTo(streamSeconds, 0);
      expect(await broadcastPagesOwnedByReplay(system.deps.db, broadcastId)).toBe(true);

      // Nothing was uploaded for it: the stream is as the egress wrote it, and besides it only the
      // pages, the manifest and the highlight file (emptied at the end).
      const after = await listPublic(publicKeys.recordingPrefix(broadcastId));
      const added = [...after.keys()].filter((key) => !stream.has(key)).sort();
      expect(added).toEqual(
        ['broadcast.json', 'embed.html', 'highlight.json', 'index.html', 'oembed.json', 'replay.json'].map(
          (f) => `replays/${broadcastId}/${f}`,
        ),
      );
      for (const [key, object] of stream) expect(after.get(key)?.etag, key).toBe(object.etag);
      expect(
        await listObjects(
          system.deps.s3,
          system.deps.s3Settings.rawBucket,
          rawKeys.reviewPrefix(broadcastId),
        ),
      ).toEqual(new Map());

      // The replay page at the broadcast's address plays the closed stream.
      const page = await (await fetchPublic(publicKeys.replayPage(broadcastId))).text();
      const masterUrl = `${system.deps.s3Settings.publicBaseUrl}/replays/${broadcastId}/live/index.m3u8`;
      expect(page).toContain(`data-src="${masterUrl}"`);
      const master = await (await fetch(masterUrl)).text();
      expect(master).toContain('720p/index.m3u8');
      const rendition = await (await fetch(new URL('720p/index.m3u8', masterUrl))).text();
      expect(rendition).toContain('#EXT-X-ENDLIST');
      const pointer = await (await fetchPublic(publicKeys.pointer(broadcastId))).json();
      expect(pointer).toMatchObject({
        recordingId,
        versionId: quick.id,
        kind: 'quick',
        prefix: quick.prefix,
      });

      // Unpublished, the stream leaves the public bucket and is kept under review; published again, it is back.
      const review = rawKeys.reviewCopy(quick.prefix);
      const rawBucket = system.deps.s3Settings.rawBucket;
      expect(
        (await callAs(system, event.hostToken, 'POST', `/api/recordings/${broadcastId}/unpublish`)).status,
      ).toBe(202);
      // The stream and the replay's pointer go; the address keeps the live page, saying held.
      await until(
        () => listPublic(publicKeys.broadcastStreamPrefix(broadcastId)),
        (objects) => objects.size === 0,
        'the unpublished broadcast to leave the public bucket',
      );
      await until(
        async () => (await fetchPublic(publicKeys.broadcastManifest(broadcastId))).json(),
        (manifest) => (manifest as { state: string }).state === 'held',
        'the manifest to say held',
      );
      expect((await fetchPublic(publicKeys.pointer(broadcastId))).status).toBe(404);
      expect((await listObjects(system.deps.s3, rawBucket, review)).size).toBe(stream.size);
      expect(
        (await callAs(system, event.hostToken, 'POST', `/api/recordings/${broadcastId}/publish`)).status,
      ).toBe(202);
      await until(
        () => fetchPublic(publicKeys.replayPage(broadcastId)).then((r) => (r.ok ? r.text() : '')),
        (html) => html.includes(`data-src="${masterUrl}"`),
        'the replay page of the stream again',
      );
      expect((await listPublic(publicKeys.broadcastStreamPrefix(broadcastId))).size).toBe(stream.size);
    } finally {
      await transcodes.resume();
    }

    const { recording } = await waitForRecording(system.url, broadcastId, (r) =>
      ['published', 'failed'].includes(r.state),
    );
    expect(recording.state).toBe('published');
    const full = (await findVersion(
      system.deps.db,
      (await findRecording(system.deps.db, broadcastId))!.publishedVersionId!,
    ))!;
    expect(full).toMatchObject({
      kind: 'full',
      source: 'transcode',
      prefix: publicKeys.versionPrefix(broadcastId, full.id),
    });
    const page = await (await fetchPublic(publicKeys.replayPage(broadcastId))).text();
    expect(page).toContain(`data-src="${system.deps.s3Settings.publicBaseUrl}/${full.prefix}master.m3u8"`);
    // The archive lists it.
    await until(
      async () => (await fetchPublic(publicKeys.archivePage())).text(),
      (html) => html.includes(`replays/${broadcastId}/`),
      'the archive to list the replay',
    );
  });
});

describe('a broadcast held for review', () => {
  it('withdraws the stream and the highlight, holds the recording, and publishing it writes the replay page at the address', async () => {
    const { event, broadcastId, egressId } = await liveBroadcast({ autoPublish: false });
    await putObject(system.deps.s3, {
      bucket: publicBucket(),
      key: publicKeys.broadcastHighlight(broadcastId),
      body: JSON.stringify({ question: null, updatedAt: new Date().toISOString() }),
    });
    const recordingId = await endBroadcast(event, egressId);
    expect(recordingId).toBe(broadcastId);
    // The stream goes; the address keeps only the live page saying the recording is coming.
    await until(
      () => listPublic(publicKeys.broadcastStreamPrefix(broadcastId)),
      (objects) => objects.size === 0,
      'every object of the held stream to leave the public bucket',
    );
    await until(
      async () => (await fetchPublic(publicKeys.broadcastManifest(broadcastId))).json(),
      (manifest) => (manifest as { state: string }).state === 'held',
      'the manifest to say held',
    );
    // No question stays shown: the file is gone, or (the host's end empties it) holds none.
    const highlight = await fetchPublic(publicKeys.broadcastHighlight(broadcastId));
    if (highlight.status !== 404) expect((await highlight.json()).question).toBeNull();

    const { recording } = await waitForRecording(
      system.url,
      broadcastId,
      (r) => ['published', 'failed'].includes(r.state),
      120_000,
      event.hostToken,
    );
    expect(recording.state).toBe('published');
    expect(recording.publication).toBe('held');
    expect([...(await listPublic(publicKeys.broadcastStreamPrefix(broadcastId))).keys()]).toEqual([]);
    expect((await fetchPublic(publicKeys.pointer(broadcastId))).status).toBe(404);
    expect(await broadcastPagesOwnedByReplay(system.deps.db, broadcastId)).toBe(false);

    expect(
      (await callAs(system, event.hostToken, 'POST', `/api/recordings/${broadcastId}/publish`)).status,
    ).toBe(202);
    const page = await until(
      async () => {
        const response = await fetchPublic(publicKeys.replayPage(broadcastId));
        return response.ok ? response.text() : null;
      },
      // The held live page stands there until the replay's page replaces it.
      (html) => html?.includes('master.m3u8') === true,
      'the replay page at the broadcast address',
    );
    const version = (await findVersion(
      system.deps.db,
      (await findRecording(system.deps.db, broadcastId))!.publishedVersionId!,
    ))!;
    expect(page).toContain(`data-src="${system.deps.s3Settings.publicBaseUrl}/${version.prefix}master.m3u8"`);
    expect(await broadcastPagesOwnedByReplay(system.deps.db, broadcastId)).toBe(true);
    // The stream stays gone: the replay is the reviewed version.
    expect([...(await listPublic(publicKeys.broadcastStreamPrefix(broadcastId))).keys()]).toEqual([]);
  });

  it('waits for the egress to close the stream before withdrawing it', async () => {
    const event: LiveEvent = await createLiveEvent(system);
    const { db } = system.deps;
    await db.query('update events set broadcast = true where id = $1', [event.id]);
    await setEventAutoPublish(db, event.id, false);
    const { id: broadcastId } = await ensureBroadcast(db, event.id);
    await markBroadcastLive(db, event.id, 'EG_never_completes');
    await markBroadcastEnded(db, event.id);
    // The renditions are closed, the multivariant playlist not yet written.
    await putBroadcastStream(system.deps.s3, publicBucket(), broadcastId, streamDir, streamFiles, {
      withMultivariant: false,
    });
    await system.deps.queues.enqueue('broadcast.close', { eventId: event.id });
    const closeJob = () => system.deps.queues.queue('broadcast.close').getJob(`broadcast-close-${event.id}`);
    await until(closeJob, (job) => job !== undefined, 'the close job');
    await new Promise((r) => setTimeout(r, 2000));
    expect((await listPublic(publicKeys.broadcastStreamPrefix(broadcastId))).size).toBe(
      streamFiles.length - 1,
    );
    // Still waiting, in its first attempt: "not yet" spends none.
    const waiting = (await closeJob())!;
    expect(await waiting.isActive()).toBe(true);
    expect(waiting.attemptsMade).toBe(0);

    await putStreamFile(system.deps.s3, publicBucket(), broadcastId, streamDir, 'index.m3u8');
    await until(
      () => listPublic(publicKeys.broadcastStreamPrefix(broadcastId)),
      (objects) => objects.size === 0,
      'the stream to be withdrawn once closed',
      30_000,
    );
    // A completed job is removed (its fixed id free again); a failed one would stay.
    await until(closeJob, (job) => job === undefined, 'the close job to complete');
  });
});

describe('an egress that never closes the stream', () => {
  /** A broadcast that ended with only its segments written, closed with a short bound on the wait. */
  async function closeUnclosedStream(autoPublish: boolean) {
    const event: LiveEvent = await createLiveEvent(system);
    const { db, config, queues, log } = system.deps;
    await db.query('update events set broadcast = true where id = $1', [event.id]);
    await setEventAutoPublish(db, event.id, autoPublish);
    const { id: broadcastId } = await ensureBroadcast(db, event.id);
    await markBroadcastLive(db, event.id, 'EG_failed');
    await markBroadcastEnded(db, event.id);
    const segments = streamFiles.filter((file) => file.endsWith('.ts'));
    for (const file of segments)
      await putStreamFile(system.deps.s3, publicBucket(), broadcastId, streamDir, file);
    await putObject(system.deps.s3, {
      bucket: publicBucket(),
      key: publicKeys.broadcastHighlight(broadcastId),
      body: JSON.stringify({ question: null, updatedAt: new Date().toISOString() }),
    });
    const started = Date.now();
    await createBroadcastClose({ maxWaitMs: 1500 }).handle(
      createWorkerDeps(config, db, queues, log),
      { eventId: event.id },
      { signal: new AbortController().signal, reportProgress() {}, attemptsMade: 0, jobKey: 'test' },
    );
    return { broadcastId, segments, waitedMs: Date.now() - started };
  }

  it('withdraws everything of a held broadcast after the bounded wait', async () => {
    const { broadcastId, waitedMs } = await closeUnclosedStream(false);
    expect(waitedMs).toBeGreaterThanOrEqual(1500);
    expect([...(await listPublic(publicKeys.recordingPrefix(broadcastId))).keys()]).toEqual([]);
  });

  it("leaves a public broadcast's segments, which were public already", async () => {
    const { broadcastId, segments } = await closeUnclosedStream(true);
    const left = [...(await listPublic(publicKeys.broadcastStreamPrefix(broadcastId))).keys()].sort();
    expect(left).toEqual(segments.map((file) => publicKeys.broadcastStreamPrefix(broadcastId) + file).sort());
  });
});
