import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EgressStatus, type LiveKitControl, liveKitServerBinary, toLiveKitError } from '../src/index.ts';
import type { Recorder } from '../src/recorder/index.ts';
import { apiToken, twirp } from './support/api-token.ts';
import { TEST_CREDENTIALS } from './support/contract-target.ts';
import type { EgressBucket } from './support/egress-bucket.ts';
import { probeFile } from './support/probe-file.ts';
import { type RecorderStack, startRecorderStack } from './support/recorder-stack.ts';
import type { WebhookInbox } from './support/webhook-inbox.ts';

const binary = liveKitServerBinary();
// The recorder records LiveKit's real rooms; in CI the bootstrap builds the server, so it must be there.
const skip = binary.path === undefined && !process.env.CI;
if (skip) console.warn(`Skipping the recorder's tests: ${binary.reason}`);

describe.skipIf(skip)("the recorder behind LiveKit's Egress API", () => {
  let recorder: Recorder;
  let inbox: WebhookInbox;
  let bucket: EgressBucket;
  let control: LiveKitControl;
  let stack: RecorderStack;

  beforeAll(async () => {
    stack = await startRecorderStack('recorder');
    ({ recorder, inbox, bucket, control } = stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const newRoom = async () => {
    const room = `event-${randomUUID()}`;
    await control.createRoom(room);
    return room;
  };
  const status = (egressId: string, wanted: EgressStatus) => stack.status(egressId, wanted);

  it('answers as Egress does: its auth, its grant and its errors', async () => {
    const path = 'livekit.Egress/ListEgress';
    const noAuth = await twirp(recorder.url, path, {}, undefined);
    expect([noAuth.status, noAuth.contentType, JSON.parse(noAuth.text)]).toEqual([
      401,
      'application/json',
      { code: 'unauthenticated', msg: 'permissions denied' },
    ]);
    const notBearer = await twirp(recorder.url, path, {}, 'Basic abc');
    expect([notBearer.status, notBearer.contentType?.startsWith('text/plain')]).toEqual([401, true]);
    const noGrant = await twirp(
      recorder.url,
      path,
      {},
      `Bearer ${await apiToken(TEST_CREDENTIALS, { roomList: true })}`,
    );
    expect(JSON.parse(noGrant.text)).toEqual({ code: 'unauthenticated', msg: 'permissions denied' });

    const missingRoom = await control
      .startRoomRecording(`event-${randomUUID()}`, bucket.recording('x.mp4'))
      .catch((e) => toLiveKitError(e));
    // Worded as the server words errors that pass its internal RPC (see the stand-in's differences).
    expect(missingRoom).toMatchObject({
      code: 'not_found',
      message: 'twirp error unknown: requested room does not exist',
    });
    const unknown = await control.stopEgress('EG_unknown').catch((e) => toLiveKitError(e));
    expect(unknown).toMatchObject({ code: 'not_found' });
  });

  it('records a room through STARTING, ACTIVE, ENDING and COMPLETE, hidden from the room', async () => {
    const room = await newRoom();
    const started = await control.startRoomRecording(
      room,
      bucket.recording('recordings/{room_name}/{time}.mp4'),
    );
    expect(started.status).toBe(EgressStatus.EGRESS_STARTING);
    expect(started.fileResults[0]?.filename).toMatch(
      new RegExp(`^recordings/${room}/\\d{4}-\\d\\d-\\d\\dT\\d{6}\\.mp4$`),
    );
    await inbox.waitFor(
      (e) => e.event === 'egress_started' && e.egressInfo?.egressId === started.egressId,
      'start',
    );
    const active = await status(started.egressId, EgressStatus.EGRESS_ACTIVE);
    expect(active.event).toBe('egress_updated');
    // In the room as LiveKit's own recorder is: hidden, of kind EGRESS, left out by the product.
    expect((await control.listParticipants(room)).map((p) => p.identity)).toEqual([]);
    expect((await control.listEgress({ roomName: room, active: true })).map((e) => e.egressId)).toEqual([
      started.egressId,
    ]);

    await new Promise((r) => setTimeout(r, 2000));
    expect((await control.stopEgress(started.egressId)).status).toBe(EgressStatus.EGRESS_ENDING);
    const info = (await status(started.egressId, EgressStatus.EGRESS_COMPLETE)).egressInfo!;
    const file = info.fileResults[0]!;
    expect(file.location).toBe(`${bucket.endpoint}/raw/${file.filename}`);
    expect(Number(file.duration) / 1e9).toBeGreaterThan(1.8);
    expect(file.endedAt - file.startedAt).toBe(file.duration);

    const { localPath } = await bucket.download(file.filename, 'empty-room.mp4');
    const probed = await probeFile(localPath);
    expect(probed.size).toBe(Number(file.size));
    expect(Math.abs(probed.duration - Number(file.duration) / 1e9)).toBeLessThan(0.2);
    expect(probed.streams.map((s) => [s.codec_type, s.codec_name, s.width ?? null])).toEqual([
      ['video', 'h264', 1920],
      ['audio', 'aac', null],
    ]);

    const again = await control.stopEgress(started.egressId).catch((e) => toLiveKitError(e));
    expect(again).toMatchObject({
      code: 'failed_precondition',
      message: 'egress with status EGRESS_COMPLETE cannot be stopped',
    });
  });

  it('ends EGRESS_FAILED with the error when the upload fails', async () => {
    const room = await newRoom();
    const started = await control.startRoomRecording(room, bucket.recording('lost.mp4', 'no-such-bucket'));
    await status(started.egressId, EgressStatus.EGRESS_ACTIVE);
    await control.stopEgress(started.egressId);
    const failed = (await status(started.egressId, EgressStatus.EGRESS_FAILED)).egressInfo!;
    expect(failed.error).toMatch(/bucket/i);
    expect(failed.fileResults[0]?.size ?? 0n).toBe(0n);
  });

  it('ends the recording, and keeps the file, when the room is deleted', async () => {
    const room = await newRoom();
    const started = await control.startRoomRecording(room, bucket.recording('deleted-room.mp4'));
    await status(started.egressId, EgressStatus.EGRESS_ACTIVE);
    await control.deleteRoom(room);
    const info = (await status(started.egressId, EgressStatus.EGRESS_COMPLETE)).egressInfo!;
    expect(info.fileResults[0]?.filename).toBe('deleted-room.mp4');
    expect(Number(info.fileResults[0]?.size)).toBeGreaterThan(0);
  });
});
