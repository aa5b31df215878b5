import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecordingView } from '@folkemote/domain';
import { makeClip } from '@folkemote/media/testing';
import { listObjects } from '@folkemote/storage';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveCaptionsForTest, createTestApiToken, createTestEvent } from '../src/testing/index.ts';
import {
  mp3WithHugeTag,
  mp4WithHugeBox,
  playlistNaming,
  seededBytes,
  sendDeclaringLength,
} from './support/hostile-inputs.ts';

/**
 * Malformed and hostile input to the upload route and the caption route. Every input is made
 * here from fixed seeds, so a failure names an input that can be made again; there are a few
 * dozen of them, each small. Each one gets a clear 4xx, or (for an upload, which is probed
 * after it is stored) a failed recording with a reason a person can read; nothing else changes.
 */
let system: TestSystem;
let token: string;
let eventSlug: string;
let otherEventSlug: string;
let published: RecordingView;
/** Another organisation's source where the worker keeps one while it works on it. */
let victim: string;
let clip: Buffer;

const auth = () => ({ authorization: `Bearer ${token}` });
const timeout = () => AbortSignal.timeout(30_000);

function upload(
  body: Uint8Array | string,
  query: Record<string, string> = { title: 'Fuzz-opptak', filename: 'talk.mp4' },
  headers: Record<string, string> = { 'content-type': 'video/mp4' },
): Promise<Response> {
  return fetch(`${system.url}/api/recordings?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { ...auth(), ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
    signal: timeout(),
  });
}

function putCaptions(body: Uint8Array | string, language = 'nb', type = 'text/vtt', id = published.id) {
  return fetch(`${system.url}/api/recordings/${id}/captions/${language}`, {
    method: 'PUT',
    headers: { ...auth(), ...(type ? { 'content-type': type } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
    signal: timeout(),
  });
}

async function getRecording(id: string): Promise<RecordingView> {
  const response = await fetch(`${system.url}/api/recordings/${id}`, { headers: auth(), signal: timeout() });
  return (await response.json()) as RecordingView;
}

async function waitUntilSettled(id: string): Promise<RecordingView> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const recording = await getRecording(id);
    if (recording.state === 'failed' || recording.state === 'published') return recording;
    if (Date.now() > deadline) throw new Error(`Recording ${id} still ${recording.state} after 60 s`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The archive and feeds are rebuilt by a job of their own after each publish; wait for the last one. */
async function waitForFeedDownload(id: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  const feed = `${system.deps.s3Settings.publicBaseUrl}/feed.json`;
  const listsDownload = (text: string) => new RegExp(`replays/${id}/v/[^"]+/download\\.mp4`).test(text);
  while (!listsDownload(await fetch(feed).then((r) => r.text()))) {
    if (Date.now() > deadline) throw new Error('The feed never offered the published recording’s download');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Everything an upload or a caption could change: rows, and objects in both buckets. */
async function snapshot() {
  const { rows } = await system.deps.db.query<{ recordings: string; versions: string; captions: string }>(
    `select (select count(*) from recordings)::text as recordings,
            (select count(*) from recording_versions)::text as versions,
            (select count(*) from recording_captions)::text as captions`,
  );
  const { rawBucket, publicBucket } = system.deps.s3Settings;
  return {
    recordings: Number(rows[0]!.recordings),
    versions: Number(rows[0]!.versions),
    captions: Number(rows[0]!.captions),
    raw: [...(await listObjects(system.deps.s3, rawBucket, '')).keys()].sort(),
    public: [...(await listObjects(system.deps.s3, publicBucket, '')).entries()]
      .map(([key, o]) => `${key}:${o.etag}`)
      .sort(),
  };
}

/** The error body every refusal has: a stable code and a sentence, no stack, no path. */
async function expectRefusal(response: Response, status: number, code?: string | RegExp) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  if (code) expect(body.error.code).toMatch(code);
  expect(body.error.message).toMatch(/^[A-Z][^\n]{8,300}$/);
  expect(text).not.toMatch(/\/tmp\/|node_modules|at [\w.]+ \(/);
}

beforeAll(async () => {
  system = await startTestSystem();
  token = await createTestApiToken(system);
  eventSlug = (await createTestEvent(system.deps.db)).slug;
  await createTestApiToken(system, { slug: 'annen-kommune', name: 'Annen kommune' });
  otherEventSlug = (await createTestEvent(system.deps.db, {}, { organisationSlug: 'annen-kommune' })).slug;
  clip = await readFile(await makeClip(path.join(system.tmp, 'clip.mp4'), { seconds: 4, size: '320x180' }));
  const response = await upload(clip, { title: 'Robust oppvekst', filename: 'clip.mp4', event: eventSlug });
  expect(response.status).toBe(202);
  published = await waitUntilSettled(((await response.json()) as RecordingView).id);
  expect(published.state).toBe('published');
  await waitForFeedDownload(published.id);
  // Another recording's source in the worker's folder. It has an extension, as a file must for
  // ffmpeg's HLS reader to take it as a segment: the refusal must not rest on the worker's naming.
  victim = path.join(system.deps.config.worker.workDir, '00000000-0000-4000-8000-00000000beef', 'source.mp4');
  await mkdir(path.dirname(victim), { recursive: true });
  await writeFile(victim, clip);
});
afterAll(async () => {
  await system?.stop();
});

describe('POST /api/recordings with hostile bodies', () => {
  const cut = (fraction: number) => clip.subarray(0, Math.floor(clip.length * fraction));
  type Case = [name: string, make: () => Buffer | string, reason: RegExp];
  const garbage = [1, 17, 4_096, 65_536, 262_144].map(
    (size): Case => [
      `${size} bytes of seeded garbage`,
      () => seededBytes(`upload-garbage-${size}`, size),
      /^The file is not a video or audio recording$/,
    ],
  );
  const cases: Case[] = [
    ['an MP4 cut after its index', () => cut(0.5), /^The file is truncated: it stops after 0:0\d of 0:04$/],
    ['an MP4 cut inside its index', () => cut(0.002), /^The file is truncated: the MP4 index \(moov atom\)/],
    [
      'an HLS playlist named talk.mp4 naming a source on the worker',
      () => playlistNaming(victim, 4),
      /^The file is an HLS playlist, not a recording: upload the video or audio file itself$/,
    ],
    [
      'an HLS playlist naming a local web server',
      () => playlistNaming(`${system.url}/api/health`),
      /^The file is an HLS playlist, not a recording/,
    ],
    [
      'a DASH manifest',
      () =>
        `<?xml version="1.0"?><MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT4S" profiles="urn:mpeg:dash:profile:isoff-on-demand:2011"><Period><AdaptationSet mimeType="video/mp4"><Representation id="1" bandwidth="1"><BaseURL>file://${victim}</BaseURL></Representation></AdaptationSet></Period></MPD>`,
      /^The file is a DASH manifest, not a recording/,
    ],
    [
      'an ffconcat list',
      () => `ffconcat version 1.0\nfile ${victim}\n`,
      /^The file is a list of other files \(ffconcat\)/,
    ],
    [
      'an MP4 box header claiming 4 GB',
      mp4WithHugeBox,
      /^The file is (truncated|not a video or audio recording)/,
    ],
    ['an ID3 tag claiming 256 MB', mp3WithHugeTag, /^The file is not a video or audio recording$/],
    [
      'an HTML page with a script, named talk.mp4',
      () => '<!doctype html><script>fetch("/api/recordings")</script>',
      /^The file is not a video or audio recording$/,
    ],
    ...garbage,
  ];

  it('stores each as a recording that fails with the reason, and publishes nothing', async () => {
    const before = await snapshot();
    const ids: string[] = [];
    for (const [name, make] of cases) {
      const response = await upload(make());
      expect(response.status, name).toBe(202);
      ids.push(((await response.json()) as RecordingView).id);
    }
    const outcomes = [];
    for (const [i, id] of ids.entries()) {
      const recording = await waitUntilSettled(id);
      outcomes.push({ name: cases[i]![0], state: recording.state, reason: recording.failureReason });
    }
    expect(outcomes).toEqual(
      cases.map(([name, , reason]) => ({ name, state: 'failed', reason: expect.stringMatching(reason) })),
    );
    const after = await snapshot();
    expect(after.recordings).toBe(before.recordings + cases.length);
    expect(after.raw).toEqual([...before.raw, ...ids.map((id) => `recordings/${id}/source`)].sort());
    expect(after.versions).toBe(before.versions);
    expect(after.public).toEqual(before.public);
  });

  it('refuses what is no upload at all with a 4xx, storing nothing', async () => {
    const before = await snapshot();
    const other = { title: 'Fuzz-opptak', event: otherEventSlug };
    const refusals: [string, () => Promise<Response>, number, string | RegExp][] = [
      [
        'text/plain',
        () => upload('WEBVTT', undefined, { 'content-type': 'text/plain' }),
        415,
        'unsupported_media_type',
      ],
      [
        'JSON',
        () => upload('{"url":"http://x"}', undefined, { 'content-type': 'application/json' }),
        415,
        'unsupported_media_type',
      ],
      [
        'broken JSON',
        () => upload('{', undefined, { 'content-type': 'application/json' }),
        415,
        'unsupported_media_type',
      ],
      [
        'a PNG',
        () => upload(seededBytes('png', 64), undefined, { 'content-type': 'image/png' }),
        415,
        'unsupported_media_type',
      ],
      [
        'a form',
        () => upload('--x\r\n\r\n--x--', undefined, { 'content-type': 'multipart/form-data; boundary=x' }),
        415,
        'unsupported_media_type',
      ],
      ['a malformed content type', () => upload(clip, undefined, { 'content-type': 'video/' }), 415, /./],
      [
        'no content type',
        () => upload(seededBytes('untyped', 64), undefined, {}),
        415,
        'unsupported_media_type',
      ],
      ['an empty body', () => upload(''), 400, 'empty_upload'],
      ['no title', () => upload(clip, { filename: 'talk.mp4' }), 400, 'invalid_input'],
      ['a title of 201 characters', () => upload(clip, { title: 'x'.repeat(201) }), 400, 'invalid_input'],
      [
        'a path for a file name',
        () => upload(clip, { title: 'Fuzz', filename: '../../etc/passwd' }),
        400,
        'invalid_input',
      ],
      [
        'a pattern for a file name',
        () => upload(clip, { title: 'Fuzz', filename: 'frame-%d.jpg' }),
        400,
        'invalid_input',
      ],
      ['an unknown event', () => upload(clip, { title: 'Fuzz', event: 'finnes-ikke' }), 404, 'unknown_event'],
      ['another organisation’s event', () => upload(clip, other), 404, 'unknown_event'],
      [
        '2 MB of text, which is not read',
        () => upload('x'.repeat(2 * 1024 ** 2), undefined, { 'content-type': 'text/plain' }),
        415,
        'unsupported_media_type',
      ],
    ];
    for (const [name, send, status, code] of refusals) {
      const response = await send();
      await expectRefusal(response, status, code).catch((err: Error) => {
        throw new Error(`${name}: ${err.message}`);
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers a body declared larger than a recording may be before reading it', async () => {
    const before = await snapshot();
    const answer = await sendDeclaringLength(
      `${system.url}/api/recordings?title=Altfor+stort`,
      { ...auth(), 'content-type': 'video/mp4' },
      60 * 1024 ** 3,
      64 * 1024,
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'too_large' } });
    expect(await snapshot()).toEqual(before);
  });

  it('answers huge headers and a huge address with 431, storing nothing', async () => {
    const before = await snapshot();
    const padded = await upload(clip, undefined, {
      'content-type': 'video/mp4',
      'x-padding': 'x'.repeat(80_000),
    });
    expect(padded.status).toBe(431);
    const longUrl = await upload(clip, { title: 'x'.repeat(100_000) });
    expect(longUrl.status).toBe(431);
    expect(await snapshot()).toEqual(before);
  });
});

describe('PUT /api/recordings/:id/captions/:language with hostile bodies', () => {
  const cue = (text: string) => `00:00:00.500 --> 00:00:02.000\n${text}\n`;
  const vtt = (...cues: string[]) => `WEBVTT\n\n${cues.join('\n')}`;
  const latin1 = (text: string) => Buffer.from(text, 'latin1');

  it('refuses bad languages, ids, types, sizes and files with a 4xx, changing nothing', async () => {
    const before = await snapshot();
    const good = vtt(cue('Hei'));
    const refusals: [string, () => Promise<Response>, number, string | RegExp][] = [
      ...['de', 'NB', 'nb-NO', 'nob', 'n', '..%2Fnb', '%00', 'nb%0A', '%F0%9F%98%80'].map(
        (language) =>
          [
            `language ${language.slice(0, 20)}`,
            () => putCaptions(good, language),
            400,
            'invalid_language',
          ] as [string, () => Promise<Response>, number, string],
      ),
      ['an id that is no UUID', () => putCaptions(good, 'nb', 'text/vtt', 'not-a-uuid'), 404, 'not_found'],
      ['a language of 300 characters', () => putCaptions(good, 'x'.repeat(300)), 414, 'address_too_long'],
      ['a malformed address', () => putCaptions(good, '%E0%A4%A'), 400, /^(bad_address|invalid_language)$/],
      [
        'an id of no recording',
        () => putCaptions(good, 'nb', 'text/vtt', '00000000-0000-4000-8000-000000000000'),
        404,
        'not_found',
      ],
      ['a PNG', () => putCaptions(seededBytes('png', 64), 'nb', 'image/png'), 415, /./],
      ['JSON', () => putCaptions('{"cues":[]}', 'nb', 'application/json'), 415, 'unsupported_media_type'],
      ['a form', () => putCaptions('--x\r\n\r\n--x--', 'nb', 'multipart/form-data; boundary=x'), 415, /./],
      ['no content type', () => putCaptions(Buffer.from(good), 'nb', ''), 415, 'unsupported_media_type'],
      ['2 MB and a byte', () => putCaptions(good + 'x'.repeat(2 * 1024 ** 2), 'nb'), 413, /./],
      ['an empty file', () => putCaptions(''), 400, 'invalid_captions'],
      ['Latin-1 text', () => putCaptions(latin1(vtt(cue('Blåbærsyltetøy'))), 'nb'), 400, 'invalid_captions'],
      [
        'an overlong UTF-8 slash',
        () => putCaptions(Buffer.concat([Buffer.from(vtt(cue('a'))), Buffer.from([0xc0, 0xaf])])),
        400,
        'invalid_captions',
      ],
      [
        'a lone surrogate',
        () => putCaptions(Buffer.concat([Buffer.from(vtt(cue('a'))), Buffer.from([0xed, 0xa0, 0x80])])),
        400,
        'invalid_captions',
      ],
      [
        'UTF-16 with a byte-order mark',
        () => putCaptions(Buffer.from(`\ufeff${good}`, 'utf16le')),
        400,
        'invalid_captions',
      ],
      [
        'markup and nothing else',
        () => putCaptions(vtt(cue('<script>'), cue('<img src=x onerror=alert(1)>'))),
        400,
        'invalid_captions',
      ],
      [
        'an HTML page',
        () => putCaptions('<!doctype html><script>alert(1)</script>', 'nb', 'text/plain'),
        400,
        'invalid_captions',
      ],
      ['a cue of 1,001 characters', () => putCaptions(vtt(cue('x'.repeat(1_001)))), 400, 'invalid_captions'],
      [
        '50,001 cues',
        () => putCaptions(`WEBVTT\n\n${'0:00.000 --> 0:00.001\nx\n\n'.repeat(50_001)}`),
        400,
        'invalid_captions',
      ],
      [
        'a time out of range',
        () => putCaptions(vtt('00:99:99.999 --> 01:00:00.000\nx\n')),
        400,
        'invalid_captions',
      ],
      [
        'NUL in a timing line',
        () => putCaptions(vtt('00:00:00.000 -\0-> 00:00:01.000\nx\n')),
        400,
        'invalid_captions',
      ],
      ...[1, 64, 4_096, 65_536].map(
        (size) =>
          [
            `${size} bytes of seeded garbage`,
            () => putCaptions(seededBytes(`captions-garbage-${size}`, size)),
            400,
            'invalid_captions',
          ] as [string, () => Promise<Response>, number, string],
      ),
    ];
    for (const [name, send, status, code] of refusals) {
      const response = await send();
      await expectRefusal(response, status, code).catch((err: Error) => {
        throw new Error(`${name}: ${err.message}`);
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the text of captions full of markup and publishes no markup', async () => {
    const before = await snapshot();
    const response = await putCaptions(
      vtt(
        cue('<script>alert(1)</script>Velkommen'),
        '\n00:00:02.500 --> 00:00:04.000\n<img src=x onerror=alert(1)>&lt;b&gt;fet&lt;/b&gt; <c.red>tekst</c>\n',
        '\n00:00:04.500 --> 00:00:05.000\n<v Kari Nordmann>javascript:alert(1)</v>\u0007\n',
      ),
    );
    expect(response.status).toBe(200);
    // A draft is private; approved, its clean file goes to the public bucket.
    expect(((await response.json()) as { url: string | null }).url).toBeNull();
    const approved = await approveCaptionsForTest(system.url, published.id, 'nb', auth(), {
      signal: timeout(),
    });
    const caption = (await approved.json()) as { url: string; cueCount: number };
    expect(caption.cueCount).toBe(3);
    expect(await (await fetch(caption.url)).text()).toBe(
      'WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nalert(1)Velkommen\n\n' +
        '00:00:02.500 --> 00:00:04.000\n&lt;b&gt;fet&lt;/b&gt; tekst\n\n' +
        '00:00:04.500 --> 00:00:05.000\njavascript:alert(1)\n',
    );
    const after = await snapshot();
    expect(after.captions).toBe(before.captions + 1);
    // The caption file, and (once the refresh job has run) the recording's own pages offering it.
    const changed = after.public.filter((o) => !before.public.includes(o));
    expect(changed.filter((o) => o.includes('/captions/'))).toEqual([
      expect.stringMatching(new RegExp(`^replays/${published.id}/captions/nb\\.[0-9a-f]{12}\\.vtt:`)),
    ]);
    // Beside the recording's own files, only the search index (which holds the approved captions' words).
    for (const object of changed)
      expect(object.startsWith(`replays/${published.id}/`) || object.startsWith('search-index.json:')).toBe(
        true,
      );
  });
});
