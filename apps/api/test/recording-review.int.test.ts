import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeClip } from '@folkemote/media/testing';
import { recordingsDeleted } from '@folkemote/metrics';
import { listObjects, publicKeys, rawKeys } from '@folkemote/storage';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApiToken,
  createTestEvent,
  until,
  uploadRecording,
  waitForRecording,
} from '../src/testing/index.ts';

let system: TestSystem;
let token: string;
let otherToken: string;
let eventSlug: string;
let recordingId: string;

const call = (method: string, url: string, auth: string | null = token, body?: unknown) =>
  fetch(`${system.url}${url}`, {
    method,
    headers: {
      ...(auth ? { authorization: `Bearer ${auth}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const publicUrl = (key: string) => `${system.deps.s3Settings.publicBaseUrl}/${key}`;
const publicObjects = async (id: string = recordingId) => [
  ...(
    await listObjects(system.deps.s3, system.deps.s3Settings.publicBucket, publicKeys.recordingPrefix(id))
  ).keys(),
];
const rawObjects = async (prefix: string) => [
  ...(await listObjects(system.deps.s3, system.deps.s3Settings.rawBucket, prefix)).keys(),
];
const archive = async () => {
  const response = await fetch(publicUrl(publicKeys.archivePage('nb')));
  return response.ok ? response.text() : '';
};
const feed = async () => {
  const response = await fetch(publicUrl(publicKeys.jsonFeed()));
  return response.ok ? response.text() : '';
};
const replayStatus = async () => (await fetch(publicUrl(publicKeys.replayPage(recordingId)))).status;
const organiserView = async () =>
  (await (await call('GET', `/api/recordings/${recordingId}`)).json()) as {
    publication: string;
    replayUrl: string | null;
    previewUrl: string | null;
    title: string;
  };

beforeAll(async () => {
  system = await startTestSystem();
  token = await createTestApiToken(system);
  otherToken = await createTestApiToken(system, { slug: 'annenkommune', name: 'Annen kommune' });
  eventSlug = (await createTestEvent(system.deps.db, {}, { holdRecordings: true })).slug;
  const clip = await makeClip(path.join(system.tmp, 'clip.mp4'), { seconds: 4, size: '320x180' });
  const response = await uploadRecording(
    system.url,
    await readFile(clip),
    { title: 'Gjennomgang først', filename: 'clip.mp4', event: eventSlug, publish: 'default' },
    token,
  );
  expect(response.status).toBe(202);
  recordingId = ((await response.json()) as { id: string }).id;
  await waitForRecording(system.url, recordingId, (r) => r.state === 'published', 120_000, token);
}, 180_000);
afterAll(async () => {
  await system?.stop();
});

describe('a recording held for review', () => {
  it('is processed but nothing of it is public: no page, no media, no archive or feed entry, no public API view', async () => {
    const view = await organiserView();
    expect(view.publication).toBe('held');
    expect(view.replayUrl).toBeNull();
    expect(view.previewUrl).toMatch(new RegExp(`^/api/recordings/${recordingId}/preview/[0-9a-f-]+/`));
    expect(await publicObjects()).toEqual([]);
    expect((await rawObjects(rawKeys.reviewPrefix(recordingId))).some((k) => k.endsWith('.m3u8'))).toBe(true);
    expect(await replayStatus()).toBe(404);
    expect(await archive()).not.toContain(recordingId);
    expect(await feed()).not.toContain(recordingId);
    expect((await call('GET', `/api/recordings/${recordingId}`, null)).status).toBe(404);
    const list = (await (await call('GET', '/api/recordings', null)).json()) as {
      recordings: { id: string }[];
    };
    expect(list.recordings.map((r) => r.id)).not.toContain(recordingId);
  });

  it('previews to organisers of its organisation only (preview route access)', async () => {
    const { previewUrl } = await organiserView();
    const master = await call('GET', previewUrl!);
    expect(master.status).toBe(200);
    expect(master.headers.get('cache-control')).toBe('private, no-store');
    const playlist = await master.text();
    expect(playlist).toMatch(/^#EXTM3U/);
    // A rendition playlist it names is served too, relative to the master.
    const first = playlist.split('\n').find((l) => l.trim() && !l.startsWith('#'));
    if (first) expect((await call('GET', new URL(first, `http://x${previewUrl}`).pathname)).status).toBe(200);
    expect((await call('GET', previewUrl!, otherToken)).status).toBe(404);
    expect((await call('GET', previewUrl!, null)).status).toBe(401);
    const outside = previewUrl!.replace(/[^/]+$/, '..%2F..%2Fsource');
    expect((await call('GET', outside)).status).toBe(400);
  });
});

describe('publishing, renaming, unpublishing and deleting', () => {
  it('refuses other organisations and callers without credentials (review route access)', async () => {
    for (const [method, url, body] of [
      ['POST', `/api/recordings/${recordingId}/publish`, undefined],
      ['POST', `/api/recordings/${recordingId}/unpublish`, undefined],
      ['PATCH', `/api/recordings/${recordingId}`, { title: 'Kapret' }],
      ['DELETE', `/api/recordings/${recordingId}`, undefined],
    ] as const) {
      expect((await call(method, url, otherToken, body)).status, `${method} ${url}`).toBe(404);
      expect((await call(method, url, null, body)).status, `${method} ${url}`).toBe(401);
    }
    expect((await call('POST', '/api/recordings/not-a-uuid/publish')).status).toBe(400);
    expect((await organiserView()).publication).toBe('held');
    expect((await call('POST', `/api/recordings/${recordingId}/unpublish`)).status).toBe(409);
  });

  it('publishes: the replay page, its version, the archive and the feed appear', async () => {
    const published = await call('POST', `/api/recordings/${recordingId}/publish`);
    expect(published.status).toBe(202);
    await until(replayStatus, (s) => s === 200, 'the replay page');
    await until(archive, (html) => html.includes(recordingId), 'the archive entry');
    await until(feed, (json) => json.includes(recordingId), 'the feed entry');
    expect((await publicObjects()).some((k) => k.endsWith('master.m3u8'))).toBe(true);
    expect((await organiserView()).replayUrl).toBe(publicUrl(publicKeys.replayPage(recordingId)));
    expect((await call('GET', `/api/recordings/${recordingId}`, null)).status).toBe(200);
  });

  it('saves chapters made by hand for its organisers only, and the public replay shows them (chapter route access)', async () => {
    const url = `/api/recordings/${recordingId}/chapters`;
    const chapters = [
      { startSeconds: 0, title: 'Velkommen' },
      { startSeconds: 2.5, title: 'Spørsmål & svar' },
    ];
    expect((await call('GET', url, otherToken)).status).toBe(404);
    expect((await call('PUT', url, otherToken, { chapters })).status).toBe(404);
    expect((await call('PUT', url, null, { chapters })).status).toBe(401);
    for (const bad of [[{ startSeconds: -1, title: 'x' }], [{ startSeconds: 1, title: '' }], 'x'])
      expect((await call('PUT', url, token, { chapters: bad })).status).toBe(400);
    expect(await (await call('GET', url)).json()).toEqual({ chapters: [], fromQuestions: [] });
    const saved = await call('PUT', url, token, { chapters });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { chapters: unknown }).chapters).toEqual(chapters);
    const page = async () =>
      (await fetch(publicUrl(publicKeys.replayPage(recordingId))).catch(() => null))?.text() ?? '';
    const html = await until(page, (h) => h.includes('Velkommen'), 'the chapters on the replay page');
    const track = /replays\/[^"]+\/chapters\.[0-9a-f]+\.vtt/.exec(html)?.[0];
    expect(track).toBeDefined();
    const vtt = await (await fetch(publicUrl(track!))).text();
    expect(vtt).toContain('00:00:02.500 --> ');
    expect(vtt).toContain('Spørsmål &amp; svar');
  });

  it('renames, with the public page following; a bad title changes nothing', async () => {
    for (const title of ['', '   ', 'a\nb', 'x'.repeat(201)]) {
      expect((await call('PATCH', `/api/recordings/${recordingId}`, token, { title })).status).toBe(400);
    }
    expect((await organiserView()).title).toBe('Gjennomgang først');
    const renamed = await call('PATCH', `/api/recordings/${recordingId}`, token, {
      title: 'Nytt navn på opptaket',
    });
    expect(renamed.status).toBe(200);
    const page = async () => (await fetch(publicUrl(publicKeys.replayPage(recordingId)))).text();
    await until(page, (html) => html.includes('Nytt navn på opptaket'), 'the renamed replay page');
    await until(archive, (html) => html.includes('Nytt navn på opptaket'), 'the renamed archive entry');
  });

  it('unpublishes: page, embed, oEmbed, pointer, media, archive and feed entries go; the version stays privately', async () => {
    expect((await call('POST', `/api/recordings/${recordingId}/unpublish`)).status).toBe(202);
    await until(replayStatus, (s) => s === 404, 'the replay page gone');
    await until(archive, (html) => !html.includes(recordingId), 'the archive without it');
    await until(feed, (json) => !json.includes(recordingId), 'the feed without it');
    const left = await until(
      publicObjects,
      (keys) => !keys.some((k) => k.includes('/v/')),
      'the public media gone',
    );
    for (const key of ['index.html', 'embed.html', 'oembed.json', 'replay.json'])
      expect(left).not.toContain(`replays/${recordingId}/${key}`);
    const view = await organiserView();
    expect(view.publication).toBe('unpublished');
    expect(view.replayUrl).toBeNull();
    expect((await call('GET', view.previewUrl!)).status).toBe(200);
    expect((await call('GET', `/api/recordings/${recordingId}`, null)).status).toBe(404);
  });

  it('publishes again from the kept version', async () => {
    expect((await call('POST', `/api/recordings/${recordingId}/publish`)).status).toBe(202);
    await until(replayStatus, (s) => s === 200, 'the replay page back');
  });

  it('deletes: every object in both buckets and the row go, and the deletion is counted', async () => {
    const source = (
      await system.deps.db.query<{ key: string }>('select source_key as key from recordings where id = $1', [
        recordingId,
      ])
    ).rows[0]!.key;
    const before = (await recordingsDeleted.get()).values[0]?.value ?? 0;
    const deleted = await call('DELETE', `/api/recordings/${recordingId}`);
    expect(deleted.status).toBe(200);
    expect(((await deleted.json()) as { objects: number }).objects).toBeGreaterThan(0);
    expect(await publicObjects()).toEqual([]);
    expect(await rawObjects(rawKeys.reviewPrefix(recordingId))).toEqual([]);
    expect(await rawObjects(source)).toEqual([]);
    expect((await call('GET', `/api/recordings/${recordingId}`)).status).toBe(404);
    expect((await recordingsDeleted.get()).values[0]?.value).toBe(before + 1);
    await until(archive, (html) => !html.includes(recordingId), 'the archive without it');
    expect((await call('DELETE', `/api/recordings/${recordingId}`)).status).toBe(404);
  });
});

describe('publishing while the full version is still being made', () => {
  it('ends with the full version public, copied out of review, and the pointer on it', async () => {
    const clip = await makeClip(path.join(system.tmp, 'race.mp4'), { seconds: 6, size: '640x360' });
    const response = await uploadRecording(
      system.url,
      await readFile(clip),
      { title: 'Publisert underveis', filename: 'race.mp4', event: eventSlug, publish: 'false' },
      token,
    );
    const id = ((await response.json()) as { id: string }).id;
    // Published as soon as anything is playable: the quick version, while the ladder is made.
    await waitForRecording(
      system.url,
      id,
      (r) => r.state === 'quick_published' || r.state === 'published',
      120_000,
      token,
    );
    expect((await call('POST', `/api/recordings/${id}/publish`)).status).toBe(202);
    const { recording } = await waitForRecording(
      system.url,
      id,
      (r) => r.state === 'published',
      120_000,
      token,
    );
    expect(recording.publication).toBe('public');
    const pointer = async () => {
      const answer = await fetch(publicUrl(publicKeys.pointer(id))).catch(() => null);
      return answer?.ok ? ((await answer.json()) as { kind: string; versionId: string }) : null;
    };
    const current = await until(pointer, (p) => p?.kind === 'full', 'the pointer on the full version');
    const keys = await publicObjects(id);
    expect(keys).toContain(`${publicKeys.versionPrefix(id, current!.versionId)}master.m3u8`);
    expect(await (await fetch(publicUrl(publicKeys.replayPage(id)))).text()).toContain(current!.versionId);
  }, 240_000);
});

describe('the event option to publish automatically', () => {
  it('is read and set by organisers of the event only (auto-publish route access)', async () => {
    expect((await call('GET', `/api/events/${eventSlug}/auto-publish`)).status).toBe(200);
    expect(await (await call('GET', `/api/events/${eventSlug}/auto-publish`)).json()).toEqual({
      autoPublish: false,
    });
    expect(
      (await call('PUT', `/api/events/${eventSlug}/auto-publish`, otherToken, { autoPublish: true })).status,
    ).toBe(404);
    expect(
      (await call('PUT', `/api/events/${eventSlug}/auto-publish`, null, { autoPublish: true })).status,
    ).toBe(401);
    expect(
      (await call('PUT', `/api/events/${eventSlug}/auto-publish`, token, { autoPublish: 'yes' })).status,
    ).toBe(400);
    const set = await call('PUT', `/api/events/${eventSlug}/auto-publish`, token, { autoPublish: true });
    expect(set.status).toBe(200);
    expect(await (await call('GET', `/api/events/${eventSlug}/auto-publish`)).json()).toEqual({
      autoPublish: true,
    });
  });
});
