import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CaptionDraftStatus } from '@folkemote/contract';
import { listRecordingCaptions } from '@folkemote/db';
import { cueRuleBreaks, parseCaptions } from '@folkemote/domain';
import { makeClip } from '@folkemote/media/testing';
import { downloadObject, listObjects } from '@folkemote/storage';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApiToken,
  createTestEvent,
  uploadRecording,
  waitForRecording,
} from '../src/testing/index.ts';

const run = promisify(execFile);
const LIBRIVOX = '/usr/share/pocketsphinx/test/data/librivox';
const installed =
  existsSync(path.join(LIBRIVOX, 'fileids')) && existsSync('/usr/share/pocketsphinx/model/en-us');
if (!installed && !process.env.CI)
  console.log('PocketSphinx or its test data is missing (scripts/bootstrap.sh installs them): skipped');

/** A video of a reading: a test picture over the five LibriVox sentences of pocketsphinx-testdata. */
async function readingClip(dir: string): Promise<string> {
  const ids = (await readFile(path.join(LIBRIVOX, 'fileids'), 'utf8')).split('\n').filter(Boolean);
  const inputs = ids.flatMap((id) => ['-i', path.join(LIBRIVOX, `${id}.wav`)]);
  const joined = `${ids.map((_, i) => `[${i + 1}:a]`).join('')}concat=n=${ids.length}:v=0:a=1[a]`;
  const out = path.join(dir, 'reading.mp4');
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=320x180:r=25'],
    ...inputs,
    ...['-filter_complex', joined, '-map', '0:v', '-map', '[a]', '-shortest'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', out],
  ]);
  return out;
}

describe.skipIf(!installed && !process.env.CI)('draft captions from speech', () => {
  let system: TestSystem;
  let token: string;
  let otherToken: string;
  let englishId: string;
  let norwegianId: string;

  const draftStatus = async (id: string, auth = token) => {
    const response = await fetch(`${system.url}/api/recordings/${id}/caption-draft`, {
      headers: { authorization: `Bearer ${auth}` },
    });
    return {
      status: response.status,
      body: (await response.json()) as CaptionDraftStatus & { code?: string },
    };
  };
  const waitForDraft = async (id: string) => {
    for (let i = 0; i < 1200; i++) {
      const { body } = await draftStatus(id);
      if (body.draft?.state === 'done' || body.draft?.state === 'failed') return body.draft;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the draft did not finish');
  };
  const upload = async (file: string, event: string) => {
    const response = await uploadRecording(
      system.url,
      await readFile(file),
      { title: 'Opptak', event, filename: 'a.mp4' },
      token,
    );
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await waitForRecording(
      system.url,
      id,
      (r) => r.state === 'published' || r.state === 'failed',
      180_000,
      token,
    );
    return id;
  };

  beforeAll(async () => {
    system = await startTestSystem({ CAPTIONS_ENGINE: 'pocketsphinx' });
    token = await createTestApiToken(system);
    otherToken = await createTestApiToken(system, { slug: 'nabokommune', name: 'Nabokommune' });
    const english = await createTestEvent(system.deps.db, {}, { language: 'en' });
    const norwegian = await createTestEvent(system.deps.db, {}, { language: 'nb' });
    englishId = await upload(await readingClip(system.tmp), english.slug);
    norwegianId = await upload(
      await makeClip(path.join(system.tmp, 'nb.mp4'), { seconds: 3 }),
      norwegian.slug,
    );
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('makes a draft from speech in the event’s language that is never public', async () => {
    // Asked for by the full transcode's completion, as the engine is configured.
    const draft = await waitForDraft(englishId);
    expect(draft).toMatchObject({
      state: 'done',
      percent: 100,
      language: 'en',
      engine: 'pocketsphinx',
      failure: null,
    });
    expect(draft.cueCount).toBeGreaterThan(0);

    // Kept as a draft, in the raw bucket only.
    const [caption] = await listRecordingCaptions(system.deps.db, englishId);
    expect(caption).toMatchObject({ status: 'draft', language: 'en' });
    expect(caption!.publicKey.startsWith(`recordings/${englishId}/captions-draft/en.`)).toBe(true);
    const file = path.join(system.tmp, 'draft.vtt');
    await downloadObject(system.deps.s3, system.deps.s3Settings.rawBucket, caption!.publicKey, file);
    const cues = parseCaptions(await readFile(file, 'utf8'));
    expect(cues).toHaveLength(draft.cueCount!);
    for (const cue of cues) expect(cueRuleBreaks(cue), JSON.stringify(cue)).toEqual([]);
    const text = cues.map((c) => c.text).join(' ');
    expect(text).toMatch(/young man/);
    expect(text).toMatch(/respectable/);

    // Nothing of it is public: no caption in the public bucket, the API or the replay page.
    const publicObjects = await listObjects(
      system.deps.s3,
      system.deps.s3Settings.publicBucket,
      `replays/${englishId}/`,
    );
    expect([...publicObjects.keys()].filter((k) => k.includes('caption'))).toEqual([]);
    const publicList = await fetch(`${system.url}/api/recordings/${englishId}/captions`);
    expect(((await publicList.json()) as { captions: unknown[] }).captions).toEqual([]);
    const page = await (
      await fetch(`${system.deps.s3Settings.publicBaseUrl}/replays/${englishId}/index.html`)
    ).text();
    expect(page).not.toMatch(/<track|captions-draft|young man/);
    const view = await (
      await fetch(`${system.url}/api/recordings/${englishId}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    expect(view).toMatchObject({ captions: [], captionsDueBy: expect.any(String) });

    // Asking again while a draft exists starts it again, under the same fixed job id.
    const again = await fetch(`${system.url}/api/recordings/${englishId}/caption-draft`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(again.status).toBe(202);
    expect(((await again.json()) as CaptionDraftStatus).draft).toMatchObject({ state: 'queued', percent: 0 });
    expect(await waitForDraft(englishId)).toMatchObject({ state: 'done', percent: 100 });
  });

  it('refuses bokmål with PocketSphinx and says why, leaving the recording published', async () => {
    const draft = await waitForDraft(norwegianId);
    expect(draft).toMatchObject({ state: 'failed', language: 'nb' });
    expect(draft.failure).toMatch(/English model only/);
    const response = await fetch(`${system.url}/api/recordings/${norwegianId}/caption-draft`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'captions_language_unsupported' } });
    const view = await (
      await fetch(`${system.url}/api/recordings/${norwegianId}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    expect(view).toMatchObject({ state: 'published' });
  });

  it('lets no organiser of another organisation ask for or see a recording’s draft', async () => {
    expect((await draftStatus(englishId, otherToken)).status).toBe(404);
    const post = await fetch(`${system.url}/api/recordings/${englishId}/caption-draft`, {
      method: 'POST',
      headers: { authorization: `Bearer ${otherToken}` },
    });
    expect(post.status).toBe(404);
    const anonymous = await fetch(`${system.url}/api/recordings/${englishId}/caption-draft`);
    expect(anonymous.status).toBe(401);
    expect((await draftStatus('not-a-uuid')).status).toBe(400);
  });
});
