import { findEgressByEgressId, listRecordings } from '@folkemote/db';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLiveEvent,
  type LiveEvent,
  roomAction,
  roomViewAs,
  until,
  waitForRecording,
} from '../src/testing/index.ts';

let system: TestSystem;
let event: LiveEvent;
beforeAll(async () => {
  system = await startTestSystem();
  event = await createLiveEvent(system);
});
afterAll(async () => {
  await system?.stop();
});

describe('recording the live room', () => {
  it('records the room to the raw bucket, and the replay reaches the public archive', async () => {
    expect((await roomAction(system, event.slug, event.hostToken, 'recording/start')).body.error?.code).toBe(
      'room_not_open',
    );
    expect((await roomAction(system, event.slug, event.hostToken, 'open')).status).toBe(200);
    expect((await roomAction(system, event.slug, event.hostToken, 'live')).status).toBe(200);

    const started = await roomAction(system, event.slug, event.presenterToken, 'recording/start');
    expect(started.status).toBe(200);
    expect(started.body.recording.active).toBe(true);
    expect(started.body.recording.startedAt).not.toBeNull();
    const [egress] = system.liveKitStandIn!.egress();
    expect(egress?.roomName).toBe(`event-${event.id}`);
    const request = egress?.request.case === 'roomComposite' ? egress.request.value : null;
    expect(request?.layout).toBe('speaker');
    expect(request?.options.case).toBe('preset');
    expect(request?.options.value).toBe(2); // EncodingOptionsPreset.H264_1080P_30

    const second = await roomAction(system, event.slug, event.hostToken, 'recording/start');
    expect(second.status).toBe(409);
    expect(second.body.error?.code).toBe('recording_active');
    expect(system.liveKitStandIn!.egress()).toHaveLength(1);

    // Long enough for the stand-in to render a clip of a few seconds.
    await new Promise((r) => setTimeout(r, 3000));
    const stopped = await roomAction(system, event.slug, event.hostToken, 'recording/stop');
    expect(stopped.status).toBe(200);

    const recordingId = await until(
      async () => (await findEgressByEgressId(system.deps.db, egress!.egressId))?.recordingId ?? null,
      (id) => id !== null,
      'the recording made from the egress',
    );
    const row = (await listRecordings(system.deps.db)).find((r) => r.id === recordingId)!;
    expect(row.sourceKey).toMatch(new RegExp(`^livekit/${event.id}/.+\\.mp4$`));
    expect(row.eventId).toBe(event.id);
    expect(row.sourceStartedAt).not.toBeNull();
    expect(row.sourceBytes).toBeGreaterThan(0);

    const { recording } = await waitForRecording(system.url, recordingId!, (r) =>
      ['published', 'failed'].includes(r.state),
    );
    expect(recording.state).toBe('published');
    expect(recording.event?.slug).toBe(event.slug);
    const archive = await until(
      async () => (await fetch(`${system.deps.s3Settings.publicBaseUrl}/index.html`)).text(),
      (html) => html.includes(`replays/${recordingId}/`),
      'the archive to list the replay',
    );
    expect(archive).toContain('Folkehelse i Nordland');
    // The same archive in nynorsk and English, written with it.
    for (const language of ['nn', 'en']) {
      const page = await (
        await fetch(`${system.deps.s3Settings.publicBaseUrl}/${language}/index.html`)
      ).text();
      expect(page).toContain(`<html lang="${language}">`);
      expect(page).toContain(`replays/${recordingId}/`);
    }

    const view = await roomViewAs(system, event.slug, event.hostToken);
    expect(view.recording).toEqual({ active: false, startedAt: null, error: null });

    const again = await roomAction(system, event.slug, event.hostToken, 'recording/stop');
    expect(again.body.error?.code).toBe('no_active_recording');
  });

  it('stops an active recording when the webinar ends, and the file still becomes a recording', async () => {
    expect((await roomAction(system, event.slug, event.hostToken, 'recording/start')).status).toBe(200);
    const egressId = system.liveKitStandIn!.egress().find((e) => e.status < 3)!.egressId;
    const ended = await roomAction(system, event.slug, event.hostToken, 'end');
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('ended');
    expect(ended.body.replayExpectedBy).not.toBeNull();
    const recordingId = await until(
      async () => (await findEgressByEgressId(system.deps.db, egressId))?.recordingId ?? null,
      (id) => id !== null,
      'the recording of the ended room',
    );
    expect((await listRecordings(system.deps.db)).filter((r) => r.id === recordingId)).toHaveLength(1);
    expect((await roomAction(system, event.slug, event.hostToken, 'recording/start')).body.error?.code).toBe(
      'room_ended',
    );
  });
});
