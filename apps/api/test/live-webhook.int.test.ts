import { findEgressByEgressId, listRecordings } from '@folkemote/db';
import { putObject } from '@folkemote/storage';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAs,
  createLiveEvent,
  type LiveEvent,
  postWebhook,
  roomAction,
  roomViewAs,
  signWebhook,
} from '../src/testing/index.ts';

let system: TestSystem;
let event: LiveEvent;
let credentials: { apiKey: string; apiSecret: string };
beforeAll(async () => {
  system = await startTestSystem();
  credentials = system.deps.config.livekit;
  event = await createLiveEvent(system);
  expect((await roomAction(system, event.slug, event.hostToken, 'open')).status).toBe(200);
  // Webhooks in these tests come from the test itself, not from the stand-in.
  system.liveKitStandIn!.setWebhookUrls([]);
});
afterAll(async () => {
  await system?.stop();
});

const nowNs = () => `${BigInt(Date.now()) * 1_000_000n}`;

/** An egress event as LiveKit serialises it: protojson, camelCase, zero values left out, int64 as strings. */
function egressEvent(id: string, event: string, egressInfo: Record<string, unknown>): string {
  return JSON.stringify({ event, egressInfo, id, createdAt: `${Math.floor(Date.now() / 1000)}` });
}

async function webhookCount(): Promise<number> {
  const { rows } = await system.deps.db.query<{ n: string }>(
    'select count(*)::text as n from livekit_webhook_events',
  );
  return Number(rows[0]!.n);
}

describe('POST /api/webhooks/livekit', () => {
  const egressId = 'EG_webhooktest1';
  const roomName = () => `event-${event.id}`;

  it('processes a signed event, and the same event id only once', async () => {
    const body = egressEvent('EV_started1', 'egress_started', {
      egressId,
      roomName: roomName(),
      status: 'EGRESS_ACTIVE',
      startedAt: nowNs(),
    });
    const first = await postWebhook(system, body, signWebhook(body, credentials));
    expect(first).toEqual({ status: 200, body: { received: true, repeated: false } });
    const egress = await findEgressByEgressId(system.deps.db, egressId);
    expect(egress?.status).toBe('active');
    expect((await roomViewAs(system, event.slug, event.hostToken)).recording.active).toBe(true);

    const again = await postWebhook(system, body, signWebhook(body, credentials));
    expect(again).toEqual({ status: 200, body: { received: true, repeated: true } });
    expect(await findEgressByEgressId(system.deps.db, egressId)).toEqual(egress);
  });

  it('rejects forged, altered, expired, wrong-key and Bearer-prefixed requests with 401, changing nothing', async () => {
    const before = await findEgressByEgressId(system.deps.db, egressId);
    const count = await webhookCount();
    const body = egressEvent('EV_forged1', 'egress_ended', {
      egressId,
      roomName: roomName(),
      status: 'EGRESS_FAILED',
      error: 'forged',
      endedAt: nowNs(),
    });
    const tampered = body.replace('forged', 'altered');
    const attempts: Array<[string, string, string | undefined]> = [
      ['no signature', body, undefined],
      ['forged signature', body, signWebhook(body, { ...credentials, apiSecret: 'x'.repeat(40) })],
      ['tampered body', tampered, signWebhook(body, credentials)],
      ['expired', body, signWebhook(body, { ...credentials, expiresInSeconds: -120 })],
      ['wrong key', body, signWebhook(body, { ...credentials, apiKey: 'otherkey' })],
      ['Bearer prefix', body, `Bearer ${signWebhook(body, credentials)}`],
      ['re-serialised body', JSON.stringify(JSON.parse(body), null, 1), signWebhook(body, credentials)],
    ];
    for (const [what, sent, authorization] of attempts) {
      const answer = await postWebhook(system, sent, authorization);
      expect(answer.status, what).toBe(401);
      expect(answer.body.error?.code, what).toBe('invalid_webhook');
    }
    expect(await findEgressByEgressId(system.deps.db, egressId)).toEqual(before);
    expect(await webhookCount()).toBe(count);
  });

  it('shows the organiser why a recording failed', async () => {
    const body = egressEvent('EV_failed1', 'egress_ended', {
      egressId,
      roomName: roomName(),
      status: 'EGRESS_FAILED',
      error: 'Start signal not received',
      endedAt: nowNs(),
    });
    expect((await postWebhook(system, body, signWebhook(body, credentials))).status).toBe(200);
    const view = await roomViewAs(system, event.slug, event.hostToken);
    expect(view.recording).toEqual({ active: false, startedAt: null, error: 'Start signal not received' });
    const list = await callAs(system, event.hostToken, 'GET', '/api/recordings');
    expect(list.body.liveRecordingFailures).toEqual([
      expect.objectContaining({
        egressId,
        status: 'failed',
        error: 'Start signal not received',
        event: { slug: event.slug, title: expect.any(String) },
      }),
    ]);
    const anonymous = (await (await fetch(`${system.url}/api/recordings`)).json()) as {
      liveRecordingFailures: unknown[];
    };
    expect(anonymous.liveRecordingFailures).toEqual([]);
  });

  it('creates one recording per finished egress, however often LiveKit says so', async () => {
    const completeId = 'EG_webhookcomplete';
    const key = `livekit/${event.id}/2030-01-01T100000.mp4`;
    const info = {
      egressId: completeId,
      roomName: roomName(),
      status: 'EGRESS_COMPLETE',
      startedAt: '1893492000000000000',
      endedAt: '1893492060000000000',
      fileResults: [
        {
          filename: key,
          startedAt: '1893492000500000000',
          endedAt: '1893492060000000000',
          duration: '59500000000',
          size: '123456',
          location: `${system.deps.config.s3.endpoint}/${system.deps.config.s3.rawBucket}/${key}`,
        },
      ],
    };
    // Not media: the pipeline refuses it at once, which is all this test needs of it.
    await putObject(system.deps.s3, { bucket: system.deps.s3Settings.rawBucket, key, body: 'not a video' });
    for (const id of ['EV_complete1', 'EV_complete2', 'EV_complete1']) {
      const body = egressEvent(id, 'egress_ended', info);
      expect((await postWebhook(system, body, signWebhook(body, credentials))).status).toBe(200);
    }
    const recordings = (await listRecordings(system.deps.db)).filter((r) => r.sourceKey === key);
    expect(recordings).toHaveLength(1);
    expect(recordings[0]).toMatchObject({
      eventId: event.id,
      sourceBytes: 123456,
      sourceStartedAt: new Date(1893492000500),
    });
    const egress = await findEgressByEgressId(system.deps.db, completeId);
    expect(egress).toMatchObject({ status: 'complete', recordingId: recordings[0]!.id });
  });

  it('ignores events of rooms that are not ours, and asks for the webhook content type', async () => {
    const body = egressEvent('EV_other1', 'egress_started', {
      egressId: 'EG_elsewhere',
      roomName: 'someone-elses-room',
      status: 'EGRESS_STARTING',
    });
    expect((await postWebhook(system, body, signWebhook(body, credentials))).status).toBe(200);
    expect(await findEgressByEgressId(system.deps.db, 'EG_elsewhere')).toBeNull();
    const json = await fetch(`${system.url}/api/webhooks/livekit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: signWebhook(body, credentials) },
      body,
    });
    expect(json.status).toBe(415);
  });
});
