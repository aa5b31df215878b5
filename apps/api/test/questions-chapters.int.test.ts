import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeClip } from '@folkemote/media/testing';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAt,
  type Changed,
  createTestApiToken,
  createTestEvent,
  createTestStaffLink,
  json,
  registerForTest,
  uploadRecording,
  waitForRecording,
} from '../src/testing/index.ts';

let system: TestSystem;
let organiserToken: string;
beforeAll(async () => {
  system = await startTestSystem({ REGISTRATION_RATE_LIMIT: '1000' });
  organiserToken = await createTestApiToken(system);
});
afterAll(async () => {
  await system?.stop();
});

async function waitForPage(url: string, done: (html: string) => boolean): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await fetch(url);
    const html = response.ok ? await response.text() : '';
    if (done(html)) return html;
    if (Date.now() > deadline)
      throw new Error(`The page never showed what was expected:\n${html.slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('chapters from the answered questions', () => {
  it('publishes a WebVTT chapter track with the replay, placed from the recording’s start, naming no asker', async () => {
    const api = apiAt(system.url);
    const event = await createTestEvent(system.deps.db, { capacity: 20 });
    const anne = (
      await registerForTest(system.url, event.slug, {
        name: 'Anne Asker',
        email: `anne-${event.slug}@example.no`,
      })
    ).joinToken;
    const bjorn = (
      await registerForTest(system.url, event.slug, {
        name: 'Bjorn Anonym',
        email: `bjorn-${event.slug}@example.no`,
      })
    ).joinToken;
    const moderator = (await createTestStaffLink(system, event, 'moderator')).token;

    const clip = await makeClip(path.join(system.tmp, 'live-room.mp4'), { seconds: 8 });
    const uploaded = await uploadRecording(
      system.url,
      await readFile(clip),
      { title: 'Opptak fra folkemøtet', event: event.slug, filename: 'live-room.mp4' },
      organiserToken,
    );
    expect(uploaded.status).toBe(202);
    const { id: recordingId } = (await uploaded.json()) as { id: string };
    await waitForRecording(
      system.url,
      recordingId,
      (r) => r.state === 'quick_published' || r.state === 'published',
    );

    const ask = async (token: string, text: string, anonymous = false) =>
      (
        await json<Changed>(
          await api('POST', `/api/events/${event.slug}/questions`, token, { text, anonymous }),
          201,
        )
      ).question;
    const named = await ask(anne, 'Hvor mye koster <b>skolen</b>?');
    const secret = await ask(bjorn, 'Hvem bestemmer?', true);
    const unhighlighted = await ask(anne, 'Besvart uten å bli fremhevet');
    const patch = (id: string, body: unknown) => api('PATCH', `/api/questions/${id}`, moderator, body);
    const firstHighlight = await json<Changed>(await patch(named.id, { status: 'highlighted' }), 200);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const secondHighlight = await json<Changed>(await patch(secret.id, { status: 'highlighted' }), 200);
    await json(await patch(secret.id, { status: 'answered' }), 200);
    await json(await patch(unhighlighted.id, { status: 'answered' }), 200);

    const publish = (token: string) => api('POST', `/api/events/${event.slug}/questions/chapters`, token, {});
    const unknownStart = await publish(organiserToken);
    expect(unknownStart.status).toBe(409);
    expect(await unknownStart.json()).toMatchObject({
      error: {
        code: 'recording_start_unknown',
        message: expect.stringContaining('no chapters were published'),
      },
    });

    // The live room records when the media starts; here it started two seconds before the first highlight.
    const highlightedAt = Date.parse(firstHighlight.question.highlightedAt!);
    await system.deps.db.query('update recordings set source_started_at = $2 where id = $1', [
      recordingId,
      new Date(highlightedAt - 2000),
    ]);
    expect((await publish(moderator)).status).toBe(403);
    const published = await json<{
      recordingId: string;
      chapters: Array<{ questionId: string; startSeconds: number; endSeconds: number; title: string }>;
      skipped: Array<{ questionId: string; reason: string }>;
      chaptersUrl: string;
    }>(await publish(organiserToken), 200);
    const secondOffset = (Date.parse(secondHighlight.question.highlightedAt!) - highlightedAt + 2000) / 1000;
    expect(published).toMatchObject({
      recordingId,
      chapters: [
        {
          questionId: named.id,
          startSeconds: 2,
          endSeconds: secondOffset,
          title: 'Hvor mye koster <b>skolen</b>?',
        },
        { questionId: secret.id, startSeconds: secondOffset, title: 'Hvem bestemmer?' },
      ],
      skipped: [{ questionId: unhighlighted.id, reason: 'never_highlighted' }],
    });

    const vttResponse = await fetch(published.chaptersUrl);
    expect(vttResponse.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    const vtt = await vttResponse.text();
    expect(vtt).toMatch(
      /^WEBVTT\n\nchapter-1\n00:00:02\.000 --> 00:00:0\d\.\d{3}\nHvor mye koster &lt;b&gt;skolen&lt;\/b&gt;\?\n/,
    );
    expect(vtt).toContain('\nHvem bestemmer?\n');
    expect(vtt).not.toContain('Bjorn');
    expect(vtt).not.toContain('Anne');

    const page = await waitForPage(
      `${system.deps.s3Settings.publicBaseUrl}/replays/${recordingId}/index.html`,
      (html) => html.includes('kind="chapters"'),
    );
    expect(page).toContain(`<track kind="chapters" src="${published.chaptersUrl}" srclang="nb"`);
    expect(page).toContain('<span>Hvor mye koster &lt;b&gt;skolen&lt;/b&gt;?</span>');
    expect(page).toContain('<span>Hvem bestemmer?</span>');
    expect(page).not.toContain('Bjorn');
  });

  it('tells an event without a recording so', async () => {
    const event = await createTestEvent(system.deps.db);
    const response = await apiAt(system.url)(
      'POST',
      `/api/events/${event.slug}/questions/chapters`,
      organiserToken,
      {},
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'no_recording' } });
  });
});
