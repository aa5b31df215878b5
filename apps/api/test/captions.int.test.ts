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

const srt = [
  '1',
  '00:00:00,500 --> 00:00:02,000',
  'Velkommen til <b>Robust oppvekst</b>',
  '',
  '2',
  '00:00:02,500 --> 00:00:04,000',
  '<script>alert(1)</script>Spørsmål & svar',
  '',
].join('\r\n');

const putCaptions = (language: string, body: string, type = 'application/x-subrip', auth = token) =>
  fetch(`${system.url}/api/recordings/${recordingId}/captions/${language}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${auth}`, 'content-type': type },
    body,
  });

/** The replay page is rewritten by a job; wait until it says what we expect. */
async function waitForPage(check: (html: string) => boolean): Promise<string> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const html = await (await fetch(replayUrl)).text();
    if (check(html)) return html;
    if (Date.now() > deadline) throw new Error(`The replay page never changed as expected:\n${html}`);
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
    { title: 'Robust oppvekst?', filename: 'clip.mp4', event: event.slug },
    token,
  );
  recordingId = ((await response.json()) as { id: string }).id;
  const { recording } = await waitForRecording(system.url, recordingId, (r) => r.state === 'published');
  replayUrl = recording.replayUrl!;
});
afterAll(async () => {
  await system?.stop();
});

describe('captions on a published replay', () => {
  it('takes SubRip as a draft, writes clean WebVTT for good, and the replay page offers it once approved', async () => {
    const response = await putCaptions('nb', srt);
    expect(response.status).toBe(200);
    const draft = (await response.json()) as { url: string | null; cueCount: number; label: string };
    // A draft's file is private (the raw bucket): it has no public address.
    expect(draft).toMatchObject({
      cueCount: 2,
      label: 'Norsk (bokmål)',
      status: 'draft',
      kind: 'captions',
      url: null,
    });
    // A draft is not listed for the public, and not on the page.
    const publicList = (await (
      await fetch(`${system.url}/api/recordings/${recordingId}/captions`)
    ).json()) as {
      captions: unknown[];
    };
    expect(publicList.captions).toEqual([]);
    const approved = await approveCaptionsForTest(system.url, recordingId, 'nb', {
      authorization: `Bearer ${token}`,
    });
    expect(approved.status).toBe(200);
    const caption = (await approved.json()) as { status: string; url: string };
    expect(caption.status).toBe('approved');
    expect(caption.url).toMatch(new RegExp(`/replays/${recordingId}/captions/nb\\.[0-9a-f]{12}\\.vtt$`));

    const vtt = await fetch(caption.url);
    expect(vtt.headers.get('content-type')).toMatch(/^text\/vtt/);
    expect(vtt.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await vtt.text()).toBe(
      'WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nVelkommen til Robust oppvekst\n\n00:00:02.500 --> 00:00:04.000\nalert(1)Spørsmål &amp; svar\n',
    );

    const page = await waitForPage((html) => html.includes('kind="captions"'));
    expect(page).toContain(
      `<track kind="captions" src="${caption.url}" srclang="nb" label="Norsk (bokmål)">`,
    );
    const listed = (await (await fetch(`${system.url}/api/recordings/${recordingId}/captions`)).json()) as {
      captions: Array<{ language: string }>;
    };
    expect(listed.captions.map((c) => c.language)).toEqual(['nb']);
  });

  it('refuses broken captions with the line, an unknown language and other organisations, changing nothing', async () => {
    const before = await (await fetch(`${system.url}/api/recordings/${recordingId}/captions`)).text();
    const broken = await putCaptions('nn', 'WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nbakvendt\n', 'text/vtt');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({
      error: {
        code: 'invalid_captions',
        message: 'Line 3: the cue ends before it starts',
        params: { code: 'ends_before_start', line: 3 },
      },
    });
    expect((await putCaptions('de', srt)).status).toBe(400);
    expect((await putCaptions('nb', srt, 'image/png')).status).toBe(415);
    const stranger = await createTestApiToken(system, { slug: 'annen-kommune', name: 'Annen kommune' });
    expect((await putCaptions('nb', srt, 'application/x-subrip', stranger)).status).toBe(404);
    expect((await putCaptions('nb', srt, 'application/x-subrip', 'fmt_nope')).status).toBe(401);
    expect(await (await fetch(`${system.url}/api/recordings/${recordingId}/captions`)).text()).toBe(before);
  });

  it('takes captions away again', async () => {
    const removed = await fetch(`${system.url}/api/recordings/${recordingId}/captions/nb`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(removed.status).toBe(204);
    await waitForPage((html) => !html.includes('kind="captions"'));
  });
});
