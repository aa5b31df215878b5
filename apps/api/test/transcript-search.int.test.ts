import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeClip } from '@folkemote/media/testing';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approveCaptionsForTest,
  createTestApiToken,
  createTestEvent,
  uploadRecording,
  waitForRecording,
} from '../src/testing/index.ts';

let system: TestSystem;
let token: string;
let recordingId: string;
let replayUrl: string;
let siteUrl: string;

const vtt = [
  'WEBVTT',
  '',
  '00:00:00.500 --> 00:00:02.000',
  'Velkommen til møtet om skolebruksplanen.',
  '',
  '00:00:02.500 --> 00:00:04.000',
  'Kommunene på Nærøysund <i>svarer</i>.',
  '',
].join('\n');

const putCaptions = (language: string, body: string) =>
  fetch(`${system.url}/api/recordings/${recordingId}/captions/${language}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/vtt' },
    body,
  });

async function waitFor(url: string, check: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const response = await fetch(url);
    const text = response.ok ? await response.text() : '';
    if (check(text)) return text;
    if (Date.now() > deadline) throw new Error(`${url} never changed as expected:\n${text.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  system = await startTestSystem();
  token = await createTestApiToken(system);
  const event = await createTestEvent(system.deps.db);
  const clip = await makeClip(path.join(system.tmp, 'clip.mp4'), { seconds: 5, size: '320x180' });
  const response = await uploadRecording(
    system.url,
    await readFile(clip),
    { title: 'Transkribert møte', filename: 'clip.mp4', event: event.slug },
    token,
  );
  recordingId = ((await response.json()) as { id: string }).id;
  const { recording } = await waitForRecording(system.url, recordingId, (r) => r.state === 'published');
  replayUrl = recording.replayUrl!;
  siteUrl = replayUrl.replace(/\/replays\/.*$/, '');
});
afterAll(async () => {
  await system?.stop();
});

describe('the transcript and the search index follow the captions', () => {
  it('publishes the search pages and an index of the public replay', async () => {
    const index = JSON.parse(
      await waitFor(`${siteUrl}/search-index.json`, (text) => text.includes(recordingId)),
    ) as {
      v: number;
      replays: Array<{ id: string; title: string; segs: unknown[] }>;
      terms: string[];
    };
    expect(index.v).toBe(1);
    expect(index.replays.find((replay) => replay.id === recordingId)?.title).toBe('Transkribert møte');
    expect(index.terms).toContain('transkribert');
    // Stored gzipped: the browser gets the plain JSON through Content-Encoding.
    const response = await fetch(`${siteUrl}/search-index.json`);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    for (const page of ['search.html', 'nn/search.html', 'en/search.html']) {
      const response = await fetch(`${siteUrl}/${page}`);
      expect(response.status, page).toBe(200);
      expect(await response.text()).toContain('data-search');
    }
  });

  it('shows approved captions as the transcript and indexes their words, and drops both with them', async () => {
    expect((await putCaptions('nb', vtt)).status).toBe(200);
    const approved = await approveCaptionsForTest(system.url, recordingId, 'nb', {
      authorization: `Bearer ${token}`,
    });
    expect(approved.status).toBe(200);
    const page = await waitFor(replayUrl, (html) => html.includes('transcript__list'));
    expect(page).toContain(
      'data-cue-start="2.5" data-cue-end="4"><time datetime="PT2S">0:02</time> <span>Kommunene på Nærøysund svarer.</span>',
    );
    const index = await waitFor(`${siteUrl}/search-index.json`, (text) => text.includes('"naeroeysund"'));
    expect(index).toContain('["x",2.5,"Kommunene på Nærøysund svarer."]');

    const removed = await fetch(`${system.url}/api/recordings/${recordingId}/captions/nb`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(removed.status).toBe(204);
    await waitFor(replayUrl, (html) => html.includes('id="player"') && !html.includes('transcript__list'));
    await waitFor(
      `${siteUrl}/search-index.json`,
      (text) => text.includes(recordingId) && !text.includes('naeroeysund'),
    );
  });
});
