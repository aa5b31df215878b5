import {
  findRecording,
  insertRecording,
  transitionRecording,
  upsertEvent,
  upsertOrganisation,
} from '@folkemote/db';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiToken, createTestEvent, uploadRecording } from '../src/testing/index.ts';

// Recordings are made straight in the database in the states a test needs: nothing is enqueued,
// so the worker leaves them as they are.
let system: TestSystem;
let ownToken: string;
let otherToken: string;
const ids = { failed: '', processing: '', published: '', ofDraft: '', noEvent: '', others: '' };

async function recordingIn(
  state: 'failed' | 'processing' | 'published',
  owner: { eventId: string } | { eventId: null; organisationId: string },
  title: string,
): Promise<string> {
  const { db } = system.deps;
  const { id } = await insertRecording(db, {
    ...owner,
    title,
    sourceKey: `raw/${title}.mp4`,
    sourceBytes: 1,
    // The published ones were published by an organiser (see recording-review.int.test.ts for held ones).
    ...(state === 'published' ? { publication: 'public' as const } : {}),
  });
  if (state === 'failed') {
    await transitionRecording(db, id, 'uploaded', 'failed', {
      failureReason: 'Kilden mangler i lageret',
    });
    return id;
  }
  await transitionRecording(db, id, 'uploaded', 'processing', {
    progress: { stage: 'transcoding', percent: 40, etaSeconds: 30 },
  });
  if (state === 'published') await transitionRecording(db, id, 'processing', 'published');
  return id;
}

const get = (path: string, token?: string) =>
  fetch(`${system.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const listedIds = async (token?: string) =>
  ((await (await get('/api/recordings', token)).json()) as { recordings: Array<{ id: string }> }).recordings
    .map((r) => r.id)
    .sort();

beforeAll(async () => {
  system = await startTestSystem();
  ownToken = await createTestApiToken(system);
  otherToken = await createTestApiToken(system, { slug: 'annen-kommune', name: 'Annen kommune' });
  const { db } = system.deps;
  const own = await upsertOrganisation(db, { slug: 'testkommune', name: 'Testkommune' });
  const other = await upsertOrganisation(db, { slug: 'annen-kommune', name: 'Annen kommune' });
  const event = await createTestEvent(db);
  const draft = await upsertEvent(db, {
    slug: 'hemmelig-utkast',
    title: 'Utkast ingen har sett',
    description: '',
    startsAt: '2030-03-10T09:00:00+01:00',
    endsAt: '2030-03-10T10:30:00+01:00',
    organisationSlug: 'testkommune',
    language: 'nb',
    contact: { name: 'Kari', email: 'kari@example.no', phone: null },
  });
  ids.failed = await recordingIn('failed', { eventId: event.id }, 'feilet');
  ids.processing = await recordingIn('processing', { eventId: event.id }, 'underveis');
  ids.published = await recordingIn('published', { eventId: event.id }, 'publisert');
  ids.ofDraft = await recordingIn('published', { eventId: draft.id }, 'utkastets');
  ids.noEvent = await recordingIn('failed', { eventId: null, organisationId: own.id }, 'uten-arrangement');
  ids.others = await recordingIn('failed', { eventId: null, organisationId: other.id }, 'andres');
});
afterAll(async () => {
  await system?.stop();
});

describe('recordings and who sees them', () => {
  it('shows the public published replays only, with what the replay page shows', async () => {
    expect(await listedIds()).toEqual([ids.ofDraft, ids.published].sort());
    const response = await get('/api/recordings');
    const { recordings } = (await response.json()) as { recordings: Array<Record<string, unknown>> };
    const published = recordings.find((r) => r.id === ids.published)!;
    expect(Object.keys(published).sort()).toEqual(
      ['captions', 'durationSeconds', 'event', 'id', 'publishedAt', 'replayUrl', 'state', 'title'].sort(),
    );
    // A draft event's title stays unpublished even when its recording is public.
    expect(recordings.find((r) => r.id === ids.ofDraft)!.event).toBeNull();
    expect(JSON.stringify(recordings)).not.toContain('Utkast ingen har sett');

    for (const hidden of [ids.failed, ids.processing, ids.noEvent, ids.others]) {
      const one = await get(`/api/recordings/${hidden}`);
      expect(one.status).toBe(404);
      expect(await one.json()).toMatchObject({ error: { code: 'not_found' } });
      expect((await get(`/api/recordings/${hidden}/captions`)).status).toBe(404);
    }
    const one = (await (await get(`/api/recordings/${ids.published}`)).json()) as Record<string, unknown>;
    expect(one).toMatchObject({ id: ids.published, state: 'published' });
    expect(one).not.toHaveProperty('failureReason');
    expect(one).not.toHaveProperty('progress');
    expect((await get(`/api/recordings/${ids.published}/captions`)).status).toBe(200);
  });

  it('shows organisers their own organisation’s recordings in every state, and others’ as the public sees them', async () => {
    expect(await listedIds(ownToken)).toEqual(
      [ids.failed, ids.processing, ids.published, ids.ofDraft, ids.noEvent].sort(),
    );
    const failed = (await (await get(`/api/recordings/${ids.noEvent}`, ownToken)).json()) as Record<
      string,
      unknown
    >;
    expect(failed).toMatchObject({ state: 'failed', failureReason: 'Kilden mangler i lageret' });

    expect(await listedIds(otherToken)).toEqual([ids.others]);
    expect((await get(`/api/recordings/${ids.failed}`, otherToken)).status).toBe(404);
    expect((await get(`/api/recordings/${ids.noEvent}/captions`, otherToken)).status).toBe(404);
    const seen = (await (await get(`/api/recordings/${ids.published}`, otherToken)).json()) as Record<
      string,
      unknown
    >;
    expect(seen).toMatchObject({ id: ids.published, state: 'published' });
    expect(seen).not.toHaveProperty('failureReason');
  });

  it('refuses credentials that do not hold rather than answering as to the public', async () => {
    const response = await get('/api/recordings', 'fmt_revoked-or-made-up');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_token' } });
    expect((await get(`/api/recordings/${ids.published}`, 'fmt_revoked-or-made-up')).status).toBe(401);
  });

  it('lets no organiser retry or caption another organisation’s recording, with or without an event', async () => {
    for (const id of [ids.failed, ids.noEvent]) {
      const retry = await fetch(`${system.url}/api/recordings/${id}/retry`, {
        method: 'POST',
        headers: { authorization: `Bearer ${otherToken}` },
      });
      expect(retry.status).toBe(404);
      expect(await retry.json()).toMatchObject({ error: { code: 'not_found' } });
      const captions = await fetch(`${system.url}/api/recordings/${id}/captions/nb`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${otherToken}`, 'content-type': 'text/vtt' },
        body: 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nOvertatt\n',
      });
      expect(captions.status).toBe(404);
      const removed = await fetch(`${system.url}/api/recordings/${id}/captions/nb`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${otherToken}` },
      });
      expect(removed.status).toBe(404);
      expect(await findRecording(system.deps.db, id)).toMatchObject({ state: 'failed' });
    }
    const { rows } = await system.deps.db.query('select * from recording_captions');
    expect(rows).toEqual([]);
  });

  it('gives an upload the uploader’s organisation, and refuses another’s event or organisation before reading the file', async () => {
    const event = await createTestEvent(system.deps.db);
    const toOthersEvent = await uploadRecording(
      system.url,
      Buffer.from('x'),
      { title: 'Feil arrangement', event: event.slug },
      otherToken,
    );
    expect(toOthersEvent.status).toBe(404);
    expect(await toOthersEvent.json()).toMatchObject({ error: { code: 'unknown_event' } });
    const forOthers = await uploadRecording(
      system.url,
      Buffer.from('x'),
      { title: 'Feil organisasjon', organisation: 'testkommune' },
      otherToken,
    );
    expect(forOthers.status).toBe(403);
    expect(await forOthers.json()).toMatchObject({ error: { code: 'other_organisation' } });

    const accepted = await uploadRecording(
      system.url,
      Buffer.from('ikke en video'),
      { title: 'Egen' },
      otherToken,
    );
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: string };
    const other = await upsertOrganisation(system.deps.db, { slug: 'annen-kommune', name: 'Annen kommune' });
    expect((await findRecording(system.deps.db, id))?.organisationId).toBe(other.id);
    expect(await listedIds(otherToken)).toContain(id);
    expect(await listedIds(ownToken)).not.toContain(id);
  });
});
