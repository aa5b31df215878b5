import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Database,
  findRecording,
  findResumableVersion,
  insertRecording,
  insertVersion,
  listPublishedReplays,
  listRecordings,
  makeVersionPublic,
  markVersionVerified,
  migrate,
  openPgliteDatabase,
  StaleStateError,
  transitionRecording,
  upsertEvent,
  upsertOrganisation,
} from '../src/index.ts';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../src/testing/index.ts';

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
    const organisation = await upsertOrganisation(t.db, { slug: 'somna-kommune', name: 'Sømna kommune' });
    const rec = await insertRecording(t.db, {
      eventId: null,
      organisationId: organisation.id,
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
      // Public once processed: an organiser published it (a new recording is held for review).
      publication: 'public',
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

  it('gives a recording its event’s organisation, or the one it is uploaded for, and no other', async () => {
    const somna = await upsertOrganisation(t.db, { slug: 'somna-kommune', name: 'Sømna kommune' });
    const other = await upsertOrganisation(t.db, { slug: 'annen-kommune', name: 'Annen kommune' });
    const event = await upsertEvent(t.db, {
      slug: 'eierskap',
      title: 'Eierskap',
      description: '',
      startsAt: '2026-03-10T09:00:00+01:00',
      endsAt: '2026-03-10T10:30:00+01:00',
      organisationSlug: 'somna-kommune',
      language: 'nb',
      contact: { name: 'Kari', email: 'kari@example.no', phone: null },
    });
    const ofEvent = await insertRecording(t.db, {
      eventId: event.id,
      title: 'A',
      sourceKey: 'a',
      sourceBytes: 1,
    });
    expect(ofEvent).toMatchObject({ organisationId: somna.id, eventPublic: false });
    const upload = await insertRecording(t.db, {
      eventId: null,
      organisationId: other.id,
      title: 'B',
      sourceKey: 'b',
      sourceBytes: 1,
    });
    expect(upload).toMatchObject({ organisationId: other.id, eventPublic: null });
    const ofOther = await listRecordings(t.db, { organisationId: other.id });
    expect(ofOther.map((r) => r.id)).toEqual([upload.id]);
    // The event's organisation and the recording's cannot differ.
    await expect(
      t.db.query('update recordings set organisation_id = $2 where id = $1', [ofEvent.id, other.id]),
    ).rejects.toThrow(/foreign key/);
  });
});

describe('migration 0015 on PGlite', () => {
  let db: Database;
  afterAll(async () => {
    await db?.close();
  });

  it('backfills each recording’s organisation from its event, and the only organisation for the rest', async () => {
    db = await openPgliteDatabase(null);
    await migrate(db, { through: '0014_redact_stored_personal_links.sql' });
    const org = await upsertOrganisation(db, { slug: 'somna-kommune', name: 'Sømna kommune' });
    const { rows: events } = await db.query<{ id: string }>(
      `insert into events (organisation_id, slug, title, starts_at, ends_at, contact_name, contact_email)
       values ($1, 'gammelt', 'Gammelt', now(), now() + interval '1 hour', 'Kari', 'kari@example.no') returning id`,
      [org.id],
    );
    await db.query(
      `insert into recordings (event_id, title, source_key) values ($1, 'Med arrangement', 'a'), (null, 'Uten', 'b')`,
      [events[0]!.id],
    );
    expect(await migrate(db, { through: '0015_recording_organisation.sql' })).toEqual([
      '0015_recording_organisation.sql',
    ]);
    const { rows } = await db.query<{ title: string; organisation_id: string | null }>(
      'select title, organisation_id from recordings order by title',
    );
    expect(rows).toEqual([
      { title: 'Med arrangement', organisation_id: org.id },
      { title: 'Uten', organisation_id: org.id },
    ]);
  });
});
