import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findRecording,
  findResumableVersion,
  insertRecording,
  insertVersion,
  listPublishedReplays,
  makeVersionPublic,
  markVersionVerified,
  StaleStateError,
  transitionRecording,
  upsertEvent,
  upsertOrganisation,
} from '../src/index.ts';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../src/testing.ts';

describe.each(await databaseKindsUnderTest())('recordings on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('migrates twice without error and keeps one schema', async () => {
    const { migrate } = await import('../src/migrate.ts');
    expect(await migrate(t.db)).toEqual([]);
  });

  it('moves a recording through the state machine and refuses stale moves', async () => {
    const rec = await insertRecording(t.db, {
      eventId: null,
      title: 'Opptak',
      sourceKey: 'k',
      sourceBytes: 1,
    });
    expect(rec.state).toBe('uploaded');
    expect(rec.progress).toEqual({ stage: 'queued', percent: 0, etaSeconds: null });
    await transitionRecording(t.db, rec.id, 'uploaded', 'processing');
    await expect(transitionRecording(t.db, rec.id, 'uploaded', 'processing')).rejects.toBeInstanceOf(
      StaleStateError,
    );
    await transitionRecording(t.db, rec.id, 'processing', 'failed', { failureReason: 'The file is empty' });
    expect(await findRecording(t.db, rec.id)).toMatchObject({
      state: 'failed',
      failureReason: 'The file is empty',
    });
    await expect(transitionRecording(t.db, rec.id, 'failed', 'published')).rejects.toThrow(/cannot move/);
  });

  it('publishes a version, retires the one before, and lists the replay', async () => {
    await upsertOrganisation(t.db, { slug: 'somna-kommune', name: 'Sømna kommune' });
    const event = await upsertEvent(t.db, {
      slug: 'robust-oppvekst',
      title: 'Robust oppvekst?',
      description: '',
      startsAt: '2026-03-10T09:00:00+01:00',
      endsAt: '2026-03-10T10:30:00+01:00',
      organisationSlug: 'somna-kommune',
      language: 'nb',
      contact: { name: 'Kari', email: 'kari@example.no', phone: null },
    });
    const rec = await insertRecording(t.db, {
      eventId: event.id,
      title: 'Webinar',
      sourceKey: 's',
      sourceBytes: 2,
    });
    const manifest = {
      version: 1 as const,
      kind: 'quick' as const,
      durationSeconds: 12,
      hasVideo: true,
      hasAudio: true,
      master: 'master.m3u8',
      renditions: [],
      copiedRendition: null,
      poster: null,
      sprite: null,
      download: { file: 'download.mp4', contentType: 'video/mp4', bytes: 1 },
      loudness: null,
      files: ['master.m3u8'],
    };
    const quickId = crypto.randomUUID();
    await insertVersion(t.db, { id: quickId, recordingId: rec.id, kind: 'quick', prefix: 'p/q/' });
    expect((await findResumableVersion(t.db, rec.id, 'quick'))?.id).toBe(quickId);
    await markVersionVerified(t.db, quickId, manifest);
    await transitionRecording(t.db, rec.id, 'uploaded', 'processing');
    await makeVersionPublic(t.db, rec.id, quickId);
    await transitionRecording(t.db, rec.id, 'processing', 'quick_published');
    expect(await findResumableVersion(t.db, rec.id, 'quick')).toBeNull();

    const fullId = crypto.randomUUID();
    await insertVersion(t.db, { id: fullId, recordingId: rec.id, kind: 'full', prefix: 'p/f/' });
    await markVersionVerified(t.db, fullId, { ...manifest, kind: 'full' });
    await makeVersionPublic(t.db, rec.id, fullId);
    await transitionRecording(t.db, rec.id, 'quick_published', 'published');

    const replays = await listPublishedReplays(t.db);
    const replay = replays.find((r) => r.recording.id === rec.id)!;
    expect(replay.version).toMatchObject({ id: fullId, kind: 'full', prefix: 'p/f/' });
    expect(replay.event?.organisation.name).toBe('Sømna kommune');
    expect(new Date(replay.event!.startsAt).toISOString()).toBe('2026-03-10T08:00:00.000Z');
  });
});
