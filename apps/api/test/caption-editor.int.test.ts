import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { countRecordingsPastCaptionDeadline } from '@folkemote/db';
import { makeClip } from '@folkemote/media/testing';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApiToken,
  createTestEvent,
  uploadRecording,
  waitForRecording,
} from '../src/testing/index.ts';

let system: TestSystem;
let token: string;
let stranger: string;
let recordingId: string;
let replayUrl: string;

const cues = [
  { startMs: 500, endMs: 2_000, text: 'Velkommen til møtet.' },
  { startMs: 2_000, endMs: 4_000, text: 'Spørsmål <b>&</b> svar' },
];

function call(method: string, url: string, body?: unknown, auth: string | null = token) {
  return fetch(`${system.url}/api/recordings/${recordingId}${url}`, {
    method,
    headers: {
      ...(auth ? { authorization: `Bearer ${auth}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function waitForPage(check: (html: string) => boolean): Promise<string> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const html = await (await fetch(replayUrl)).text();
    if (check(html)) return html;
    if (Date.now() > deadline) throw new Error(`The replay page never changed as expected:\n${html}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const tomorrow = () => new Date(Date.now() + 86_400_000);

const organiserView = async () =>
  (await (await call('GET', '')).json()) as {
    captions: string[];
    captionsDueBy: string | null;
    audioDescription: string | null;
    accessibility: { captions: string; audioDescription: string };
    tracks: Array<{ kind: string; language: string; status: string }>;
  };

beforeAll(async () => {
  system = await startTestSystem();
  token = await createTestApiToken(system);
  stranger = await createTestApiToken(system, { slug: 'annen-kommune', name: 'Annen kommune' });
  const event = await createTestEvent(system.deps.db);
  const clip = await makeClip(path.join(system.tmp, 'clip.mp4'), { seconds: 5, size: '320x180' });
  const response = await uploadRecording(
    system.url,
    await readFile(clip),
    { title: 'Bussruter', filename: 'clip.mp4', event: event.slug },
    token,
  );
  recordingId = ((await response.json()) as { id: string }).id;
  const { recording } = await waitForRecording(system.url, recordingId, (r) => r.state === 'published');
  replayUrl = recording.replayUrl!;
});
afterAll(async () => {
  await system?.stop();
});

describe('the caption editor’s routes', () => {
  it('saves cues as a draft that is not public, and the tracker does not count it', async () => {
    const saved = await call('PUT', '/captions/nn/cues', { cues });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({
      language: 'nn',
      kind: 'captions',
      status: 'draft',
      cueCount: 2,
    });
    const read = await call('GET', '/captions/nn/cues');
    expect(await read.json()).toEqual({ language: 'nn', kind: 'captions', status: 'draft', cues });

    const publicList = (await (await call('GET', '/captions', undefined, null)).json()) as { captions: [] };
    expect(publicList.captions).toEqual([]);
    const view = await organiserView();
    expect(view.captions).toEqual([]);
    expect(view.captionsDueBy).not.toBeNull();
    expect(view.accessibility).toEqual({ captions: 'draft', audioDescription: 'missing' });
    expect(view.tracks).toEqual([{ kind: 'captions', language: 'nn', status: 'draft' }]);
    // The deadline metric counts it as uncaptioned (a deadline of tomorrow has passed for it).
    expect(await countRecordingsPastCaptionDeadline(system.deps.db, tomorrow())).toBe(1);
    const page = await (await fetch(replayUrl)).text();
    expect(page).not.toContain('<track kind="captions"');
  });

  it('publishes the track once approved, and the tracker counts it', async () => {
    const approved = await call('POST', '/captions/nn/approve');
    expect(approved.status).toBe(200);
    const caption = (await approved.json()) as { url: string; status: string };
    expect(caption.status).toBe('approved');
    const page = await waitForPage((html) => html.includes('<track kind="captions"'));
    expect(page).toContain(`<track kind="captions" src="${caption.url}" srclang="nn"`);
    expect(await (await fetch(caption.url)).text()).toContain('Spørsmål &lt;b&gt;&amp;&lt;/b&gt; svar');
    const view = await organiserView();
    expect(view.captions).toEqual(['nn']);
    expect(view.captionsDueBy).toBeNull();
    expect(view.accessibility.captions).toBe('met');
    expect(await countRecordingsPastCaptionDeadline(system.deps.db, tomorrow())).toBe(0);
  });

  it('writes a description track and publishes it as kind="descriptions" when approved', async () => {
    const mode = await call('PUT', '/audio-description', { mode: 'track' });
    expect(await mode.json()).toEqual({ mode: 'track' });
    const saved = await call('PUT', '/captions/nb/cues?kind=descriptions', {
      cues: [{ startMs: 0, endMs: 3_000, text: 'En lysbilde med kart over bussrutene.' }],
    });
    expect(await saved.json()).toMatchObject({ kind: 'descriptions', status: 'draft' });
    expect((await organiserView()).accessibility.audioDescription).toBe('draft');
    // The captions of the same language are a different track.
    expect((await call('GET', '/captions/nb/cues')).status).toBe(404);
    expect((await call('POST', '/captions/nb/approve?kind=descriptions')).status).toBe(200);
    await waitForPage((html) => html.includes('<track kind="descriptions"'));
    expect((await organiserView()).accessibility.audioDescription).toBe('met');
  });

  it('shows the statement on the replay page when everything shown was said aloud', async () => {
    expect((await call('PUT', '/audio-description', { mode: 'said_aloud' })).status).toBe(200);
    const page = await waitForPage((html) => html.includes('data-audio-description="said-aloud"'));
    expect(page).toContain('alt som vises i opptaket, blir også sagt høyt');
    expect((await organiserView()).audioDescription).toBe('said_aloud');
  });

  it('a new save of approved captions is a draft again, and leaves the page until approved', async () => {
    await call('PUT', '/captions/nn/cues', { cues: [{ ...cues[0], text: 'Ny tekst.' }] });
    await waitForPage((html) => !html.includes('<track kind="captions"'));
    expect((await organiserView()).accessibility.captions).toBe('draft');
  });
});

describe('what the caption editor’s routes refuse, changing nothing', () => {
  it('refuses bad cues with the field that is wrong', async () => {
    const before = await (await call('GET', '/captions/nn/cues')).text();
    const bad = [
      { cues: [] },
      { cues: [{ startMs: 2_000, endMs: 1_000, text: 'bakvendt' }] },
      { cues: [{ startMs: -1, endMs: 1_000, text: 'negativ' }] },
      { cues: [{ startMs: 0, endMs: 1_000, text: '   ' }] },
      { cues: [{ startMs: 0, endMs: 1_000, text: 'x'.repeat(1_001) }] },
      { cues: [{ startMs: 0.5, endMs: 1_000, text: 'brøk' }] },
      { cues: [{ startMs: 0, endMs: 1_000, text: 'ok' }], extra: true },
    ];
    for (const body of bad) expect((await call('PUT', '/captions/nn/cues', body)).status).toBe(400);
    expect((await call('PUT', '/captions/nn/cues?kind=subtitles', { cues })).status).toBe(400);
    expect((await call('PUT', '/captions/de/cues', { cues })).status).toBe(400);
    expect((await call('PUT', '/audio-description', { mode: 'maybe' })).status).toBe(400);
    expect(await (await call('GET', '/captions/nn/cues')).text()).toBe(before);
  });

  it('only organisers of the recording’s organisation may read, save, approve or set the mode', async () => {
    for (const auth of [stranger, null]) {
      const expected = auth ? 404 : 401;
      expect((await call('GET', '/captions/nn/cues', undefined, auth)).status).toBe(expected);
      expect((await call('PUT', '/captions/nn/cues', { cues }, auth)).status).toBe(expected);
      expect((await call('POST', '/captions/nn/approve', undefined, auth)).status).toBe(expected);
      expect((await call('PUT', '/audio-description', { mode: null }, auth)).status).toBe(expected);
    }
    expect((await organiserView()).audioDescription).toBe('said_aloud');
    expect((await organiserView()).accessibility.captions).toBe('draft');
  });

  it('approving a track that does not exist is a 404', async () => {
    expect((await call('POST', '/captions/se/approve')).status).toBe(404);
  });
});
