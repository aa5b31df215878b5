import { randomBytes } from 'node:crypto';
import { listOpenRecordingUploads } from '@folkemote/db';
import { createS3Client, listUploadedParts } from '@folkemote/storage';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepStaleUploads } from '../src/recordings/sweep-stale-uploads.ts';
import { createTestApiToken, createTestEvent, waitForRecording } from '../src/testing/index.ts';

const PART = 5 * 1024 * 1024;
let system: TestSystem;
let ownToken: string;
let colleagueToken: string;
let otherToken: string;
let eventSlug: string;

type Json = Record<string, unknown> & { error?: { code: string; fields?: Record<string, string[]> } };

async function call(method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${system.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Json };
}

const fileInput = (size: number, extra: Record<string, unknown> = {}) => ({
  title: 'Kommunestyremøte',
  event: eventSlug,
  fileName: 'opptak.mp4',
  fileSize: size,
  fileModified: 1_700_000_000_000,
  contentType: 'video/mp4',
  ...extra,
});

async function putParts(uploadId: string, file: Buffer, partNumbers: number[], token = ownToken) {
  const signed = await call('POST', `/api/recording-uploads/${uploadId}/part-urls`, token, { partNumbers });
  expect(signed.status).toBe(200);
  for (const { partNumber, url } of signed.body.urls as Array<{ partNumber: number; url: string }>) {
    const put = await fetch(url, {
      method: 'PUT',
      body: new Uint8Array(file.subarray((partNumber - 1) * PART, partNumber * PART)),
    });
    expect(put.status).toBe(200);
    await put.arrayBuffer();
  }
}

async function openUploads() {
  const db = system.deps.db;
  const { rows } = await db.query<{ n: string }>(`select count(*) as n from recording_uploads`);
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  system = await startTestSystem({ UPLOAD_PART_BYTES: String(PART), UPLOAD_MAX_BYTES: String(64 * PART) });
  ownToken = await createTestApiToken(system);
  colleagueToken = await createTestApiToken(system);
  otherToken = await createTestApiToken(system, { slug: 'annen-kommune', name: 'Annen kommune' });
  eventSlug = (await createTestEvent(system.deps.db)).slug;
});
afterAll(async () => {
  await system?.stop();
});

describe('browser uploads of recordings', () => {
  it('uploads in parts, refuses to complete while a part is missing, then completes into the pipeline', async () => {
    // Not a recording: the name says .mp4, the content decides (ingest fails it as not media).
    const file = randomBytes(2 * PART + 12_345);
    const created = await call('POST', '/api/recording-uploads', ownToken, fileInput(file.length));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ partSize: PART, partCount: 3, state: 'active', event: eventSlug });

    await putParts(id, file, [1, 3]);
    const parts = await call('GET', `/api/recording-uploads/${id}/parts`, ownToken);
    expect(parts.body.parts).toEqual([
      { partNumber: 1, size: PART },
      { partNumber: 3, size: 12_345 },
    ]);

    const early = await call('POST', `/api/recording-uploads/${id}/complete`, ownToken);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'missing_parts', fields: { parts: ['2'] } });
    expect((await call('GET', '/api/recording-uploads', ownToken)).body.uploads).toHaveLength(1);

    await putParts(id, file, [2]);
    const done = await call('POST', `/api/recording-uploads/${id}/complete`, ownToken);
    expect(done.status).toBe(202);
    expect(done.body).toMatchObject({ id, title: 'Kommunestyremøte' });
    expect((await call('GET', '/api/recording-uploads', ownToken)).body.uploads).toEqual([]);
    const again = await call('POST', `/api/recording-uploads/${id}/complete`, ownToken);
    expect(again.status).toBe(409);

    const { recording } = await waitForRecording(
      system.url,
      id,
      (r) => r.state === 'failed',
      60_000,
      ownToken,
    );
    expect(recording.failure).toEqual({ code: 'not_media' });
  });

  it('lets only the upload’s own starter act on it: 404 for a colleague and another organisation, 401 for the public', async () => {
    const created = await call('POST', '/api/recording-uploads', ownToken, fileInput(PART + 1));
    const id = created.body.id as string;
    const attempts = [
      ['GET', `/api/recording-uploads/${id}/parts`, undefined],
      ['POST', `/api/recording-uploads/${id}/part-urls`, { partNumbers: [1] }],
      ['POST', `/api/recording-uploads/${id}/complete`, undefined],
      ['DELETE', `/api/recording-uploads/${id}`, undefined],
    ] as const;
    for (const [method, path, body] of attempts) {
      expect((await call(method, path, otherToken, body)).status).toBe(404);
      expect((await call(method, path, colleagueToken, body)).status).toBe(404);
      expect((await call(method, path, undefined, body)).status).toBe(401);
    }
    expect((await call('GET', '/api/recording-uploads', undefined)).status).toBe(401);
    expect((await call('POST', '/api/recording-uploads', undefined, fileInput(10))).status).toBe(401);
    expect((await call('GET', '/api/recording-uploads', otherToken)).body.uploads).toEqual([]);
    // Another organisation's event is as unknown as a missing one.
    expect((await call('POST', '/api/recording-uploads', otherToken, fileInput(10))).status).toBe(404);
    expect((await call('GET', `/api/recording-uploads/${id}/parts`, ownToken)).status).toBe(200);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const before = await openUploads();
    const bad = [
      fileInput(65 * PART),
      fileInput(0),
      fileInput(10, { contentType: 'text/html' }),
      fileInput(10, { title: 'x' }),
      fileInput(10.5),
      { title: 'Uten fil' },
    ];
    for (const body of bad) {
      const answer = await call('POST', '/api/recording-uploads', ownToken, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error?.fields).toBeDefined();
    }
    expect(await openUploads()).toBe(before);

    const created = await call('POST', '/api/recording-uploads', ownToken, fileInput(PART + 1));
    const id = created.body.id as string;
    for (const partNumbers of [[3], [0], [], [1.5], 'all']) {
      const answer = await call('POST', `/api/recording-uploads/${id}/part-urls`, ownToken, { partNumbers });
      expect(answer.status).toBe(400);
    }
    expect((await call('GET', `/api/recording-uploads/not-a-uuid/parts`, ownToken)).status).toBe(404);
  });

  it('aborts an upload: its parts are dropped and it takes no more', async () => {
    const file = randomBytes(PART + 10);
    const created = await call('POST', '/api/recording-uploads', ownToken, fileInput(file.length));
    const id = created.body.id as string;
    await putParts(id, file, [1]);
    expect((await call('DELETE', `/api/recording-uploads/${id}`, ownToken)).status).toBe(204);
    const signed = await call('POST', `/api/recording-uploads/${id}/part-urls`, ownToken, {
      partNumbers: [2],
    });
    expect(signed.status).toBe(409);
    expect(signed.body.error?.code).toBe('upload_aborted');
    const { rows } = await system.deps.db.query<{ s3_upload_id: string; object_key: string }>(
      'select s3_upload_id, object_key from recording_uploads where id = $1',
      [id],
    );
    const s3 = createS3Client(system.deps.s3Settings);
    await expect(
      listUploadedParts(s3, {
        bucket: system.deps.s3Settings.rawBucket,
        key: rows[0]!.object_key,
        uploadId: rows[0]!.s3_upload_id,
      }),
    ).rejects.toMatchObject({ name: 'NoSuchUpload' });
    s3.destroy();
  });

  it('sweeps uploads left untouched for a day', async () => {
    const created = await call('POST', '/api/recording-uploads', ownToken, fileInput(PART + 1));
    const id = created.body.id as string;
    await system.deps.db.query(
      `update recording_uploads set updated_at = now() - interval '25 hours' where id = $1`,
      [id],
    );
    const fresh = await call('POST', '/api/recording-uploads', ownToken, fileInput(PART + 2));
    // One whose recording was made by a process that stopped before it could say so is done, not aborted.
    const file = randomBytes(100);
    const finished = await call('POST', '/api/recording-uploads', ownToken, fileInput(file.length));
    await putParts(finished.body.id as string, file, [1]);
    expect((await call('POST', `/api/recording-uploads/${finished.body.id}/complete`, ownToken)).status).toBe(
      202,
    );
    await system.deps.db.query(
      `update recording_uploads set state = 'completing', updated_at = now() - interval '25 hours' where id = $1`,
      [finished.body.id],
    );
    expect(await sweepStaleUploads(system.deps)).toBe(1);
    const { rows } = await system.deps.db.query<{ state: string }>(
      'select state from recording_uploads where id = $1',
      [finished.body.id],
    );
    expect(rows[0]!.state).toBe('completed');
    const open = await listOpenRecordingUploads(system.deps.db, {
      organisationId: (
        await system.deps.db.query<{ organisation_id: string }>(
          'select organisation_id from recording_uploads where id = $1',
          [id],
        )
      ).rows[0]!.organisation_id,
      ownerId: (
        await system.deps.db.query<{ owner_id: string }>(
          'select owner_id from recording_uploads where id = $1',
          [id],
        )
      ).rows[0]!.owner_id,
    });
    expect(open.map((u) => u.id)).toContain(fresh.body.id);
    expect(open.map((u) => u.id)).not.toContain(id);
  });

  it('lets the web app’s origin PUT parts to the raw bucket across origins (CORS preflight)', async () => {
    const created = await call('POST', '/api/recording-uploads', ownToken, fileInput(PART + 1));
    const signed = await call('POST', `/api/recording-uploads/${created.body.id}/part-urls`, ownToken, {
      partNumbers: [1],
    });
    const url = (signed.body.urls as Array<{ url: string }>)[0]!.url;
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
  });
});
