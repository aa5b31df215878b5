import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { loadConfig } from '@folkemote/config';
import {
  ensureBroadcast,
  insertRecording,
  markBroadcastEnded,
  markBroadcastLive,
  setEventAutoPublish,
  upsertEvent,
  upsertOrganisation,
} from '@folkemote/db';
import { createPgliteTestDatabase, type TestDatabase } from '@folkemote/db/testing';
import { broadcastManifestSchema } from '@folkemote/domain';
import { createLogger } from '@folkemote/logger';
import {
  createS3Client,
  headObject,
  listObjects,
  publicKeys,
  readObjectText,
  s3SettingsFrom,
  startEmbeddedS3,
} from '@folkemote/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerDeps } from '../src/deps.ts';
import { broadcastRefresh } from '../src/jobs/broadcast-refresh.ts';

const context = {
  signal: new AbortController().signal,
  reportProgress() {},
  attemptsMade: 0,
  jobKey: 'test',
};

describe('broadcast.refresh', () => {
  let tmp: string;
  let database: TestDatabase;
  let s3: Awaited<ReturnType<typeof startEmbeddedS3>>;
  let deps: WorkerDeps;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-broadcast-refresh-'));
    database = await createPgliteTestDatabase();
    s3 = await startEmbeddedS3({
      port: 0,
      dataDir: path.join(tmp, 's3'),
      buckets: ['folkemote-raw', 'folkemote-public'],
      publicBuckets: ['folkemote-public'],
    });
    const config = loadConfig({
      S3_ENDPOINT: s3.endpoint,
      PUBLIC_APP_URL: 'https://folkemote.example.no',
      REDIS_URL: 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'warn',
    });
    const s3Settings = s3SettingsFrom(config);
    deps = {
      config,
      db: database.db,
      s3: createS3Client(s3Settings),
      s3Settings,
      log: createLogger('warn', 'broadcast-refresh-test'),
    } as WorkerDeps;
    await upsertOrganisation(database.db, { slug: 'nordfjord-kommune', name: 'Nordfjord kommune' });
  });

  afterAll(async () => {
    await s3?.stop();
    await database?.drop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  const bucket = () => deps.s3Settings.publicBucket;
  const read = (key: string) => readObjectText(deps.s3, bucket(), key, { maxBytes: 1_000_000 });
  const manifestOf = async (id: string) =>
    broadcastManifestSchema.parse(JSON.parse((await read(publicKeys.broadcastManifest(id)))!));

  async function broadcastEvent(slug: string, options: { autoPublish: boolean; broadcast?: boolean }) {
    const event = await upsertEvent(database.db, {
      slug,
      title: 'Folkemøte om skulestrukturen',
      description: 'Kommunedirektøren legg fram **tre alternativ**.',
      startsAt: '2026-09-01T16:00:00.000Z',
      endsAt: '2026-09-01T17:30:00.000Z',
      organisationSlug: 'nordfjord-kommune',
      language: 'nn',
      contact: { name: 'Ola Nordmann', email: 'ola.nordmann@example.no', phone: null },
    });
    await database.db.query(
      "update events set status = 'published', mode = 'hybrid', address = 'Rådhuset, Nordfjordeid', broadcast = $2 where id = $1",
      [event.id, options.broadcast ?? true],
    );
    await setEventAutoPublish(database.db, event.id, options.autoPublish);
    // A registrant, whose data must never reach a public file.
    await database.db.query(
      `insert into registrations (event_id, status, name, email, email_normalised, consent_at, join_token_hash, link_id)
       values ($1, 'confirmed', 'Kari Registrert', 'kari.registrert@example.no', 'kari.registrert@example.no', now(), $2, gen_random_uuid())`,
      [event.id, `hash-${slug}`],
    );
    return { event, broadcast: await ensureBroadcast(database.db, event.id) };
  }

  it('writes the live page, embed, oEmbed and manifest for each state, with their cache headers', async () => {
    const { event, broadcast } = await broadcastEvent('skulestruktur-direkte', { autoPublish: true });
    const id = broadcast.id;
    await broadcastRefresh.handle(deps, { eventId: event.id }, context);
    expect(await manifestOf(id)).toMatchObject({
      state: 'scheduled',
      live: null,
      replay: null,
      language: 'nn',
    });
    const page = (await read(publicKeys.replayPage(id)))!;
    expect(page).toContain('<html lang="nn">');
    expect(page).toContain('data-state="scheduled"');
    expect(page).toContain('Rådhuset, Nordfjordeid og på nett');
    expect(page).toContain('<strong>tre alternativ</strong>');
    expect(page).toContain('href="https://folkemote.example.no/arrangement/skulestruktur-direkte"');
    const manifestHead = await headObject(deps.s3, bucket(), publicKeys.broadcastManifest(id));
    expect(manifestHead?.cacheControl).toBe('public, max-age=1');
    expect(manifestHead?.contentType).toMatch(/^application\/json/);
    expect((await headObject(deps.s3, bucket(), publicKeys.replayPage(id)))?.cacheControl).toBe(
      'public, max-age=60',
    );
    expect((await headObject(deps.s3, bucket(), publicKeys.embedPage(id)))?.contentType).toMatch(
      /^text\/html/,
    );
    const oembed = JSON.parse((await read(publicKeys.oembed(id)))!);
    expect(oembed).toMatchObject({ type: 'video', title: 'Folkemøte om skulestrukturen', width: 640 });
    expect(oembed.html).toContain(`/replays/${id}/embed.html`);

    await markBroadcastLive(database.db, event.id, 'EG_test');
    await broadcastRefresh.handle(deps, { eventId: event.id }, context);
    expect(await manifestOf(id)).toMatchObject({ state: 'live', live: 'live/live.m3u8', replay: null });
    expect(await read(publicKeys.replayPage(id))).toContain('data-state="live"');

    await markBroadcastEnded(database.db, event.id);
    await broadcastRefresh.handle(deps, { eventId: event.id }, context);
    const ended = await manifestOf(id);
    expect(ended).toMatchObject({ state: 'ended', live: null, replay: 'live/index.m3u8' });
    expect(ended.endedAt).not.toBeNull();
    expect(await read(publicKeys.embedPage(id))).toContain('data-state="replay"');

    for (const key of [
      publicKeys.replayPage(id),
      publicKeys.embedPage(id),
      publicKeys.oembed(id),
      publicKeys.broadcastManifest(id),
    ]) {
      const text = (await read(key))!;
      expect(text, key).not.toContain('Kari Registrert');
      expect(text, key).not.toContain('kari.registrert@example.no');
    }
  });

  it('says held, naming no playlist, when the organiser reviews before publishing', async () => {
    const { event, broadcast } = await broadcastEvent('skulestruktur-vurdert', { autoPublish: false });
    await markBroadcastLive(database.db, event.id, 'EG_held');
    await markBroadcastEnded(database.db, event.id);
    await broadcastRefresh.handle(deps, { eventId: event.id }, context);
    expect(await manifestOf(broadcast.id)).toMatchObject({ state: 'held', live: null, replay: null });
    const page = (await read(publicKeys.replayPage(broadcast.id)))!;
    expect(page).toContain('data-state="held"');
    expect(page).not.toContain('index.m3u8');
  });

  it('leaves the pages to the replay once its recording is public, and keeps the manifest current', async () => {
    const { event, broadcast } = await broadcastEvent('skulestruktur-opptak', { autoPublish: true });
    const replayPage = '<!doctype html><title>The replay page</title>';
    await deps.s3.send(
      new PutObjectCommand({
        Bucket: bucket(),
        Key: publicKeys.replayPage(broadcast.id),
        Body: replayPage,
        ContentType: 'text/html',
      }),
    );
    await insertRecording(database.db, {
      id: broadcast.id,
      eventId: event.id,
      title: 'Folkemøte om skulestrukturen',
      sourceKey: `livekit/${event.id}/broadcast.mp4`,
      sourceBytes: 1,
    });
    await database.db.query("update recordings set state = 'quick_published' where id = $1", [broadcast.id]);
    await markBroadcastLive(database.db, event.id, 'EG_owned');
    await markBroadcastEnded(database.db, event.id);
    await broadcastRefresh.handle(deps, { eventId: event.id }, context);
    expect(await read(publicKeys.replayPage(broadcast.id))).toBe(replayPage);
    expect(await read(publicKeys.embedPage(broadcast.id))).toBeNull();
    expect((await manifestOf(broadcast.id)).state).toBe('ended');
  });

  it('takes the page down when the event is no longer broadcast before it went live', async () => {
    const { event, broadcast } = await broadcastEvent('skulestruktur-avlyst', { autoPublish: true });
    await broadcastRefresh.handle(deps, { eventId: event.id }, context);
    expect(await read(publicKeys.replayPage(broadcast.id))).not.toBeNull();
    await database.db.query('update events set broadcast = false where id = $1', [event.id]);
    await broadcastRefresh.handle(deps, { eventId: event.id }, context);
    expect(await read(publicKeys.replayPage(broadcast.id))).toBeNull();
    expect(await read(publicKeys.broadcastManifest(broadcast.id))).toBeNull();
    expect(await read(publicKeys.oembed(broadcast.id))).toBeNull();
    // A draft is not public yet: marked again, it still gets no page.
    await database.db.query("update events set broadcast = true, status = 'draft' where id = $1", [event.id]);
    await broadcastRefresh.handle(deps, { eventId: event.id }, context);
    expect(await read(publicKeys.replayPage(broadcast.id))).toBeNull();
  });

  it('writes nothing for an event without a broadcast', async () => {
    const { event } = await broadcastEvent('skulestruktur-utan', { autoPublish: true, broadcast: false });
    await database.db.query('delete from broadcasts where event_id = $1', [event.id]);
    const before = [...(await listObjects(deps.s3, bucket(), 'replays/')).keys()].sort();
    await broadcastRefresh.handle(deps, { eventId: event.id }, context);
    expect([...(await listObjects(deps.s3, bucket(), 'replays/')).keys()].sort()).toEqual(before);
  });
});
