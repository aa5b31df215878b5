import { findEgressByEgressId, listRecordings } from '@folkemote/db';
import {
  createLiveEvent,
  type LiveEvent,
  roomAction,
  roomViewAs,
  startTestSystem,
  type TestSystem,
  until,
} from '@folkemote/system/testing';
import { reconcileLiveRooms } from '@folkemote/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: TestSystem;
let event: LiveEvent;
beforeAll(async () => {
  system = await startTestSystem();
  event = await createLiveEvent(system);
  expect((await roomAction(system, event.slug, event.hostToken, 'open')).status).toBe(200);
  expect((await roomAction(system, event.slug, event.hostToken, 'live')).status).toBe(200);
  // The worker runs the reconciler every minute; here the test runs it, so it knows when.
  const queue = system.deps.queues.queue('livekit.reconcile');
  const schedulers = await queue.getJobSchedulers();
  expect(schedulers.map((s) => [s.key, s.every])).toContainEqual(['livekit-reconcile', 60_000]);
  await queue.removeJobScheduler('livekit-reconcile');
});
afterAll(async () => {
  await system?.stop();
});

const reconcile = () => reconcileLiveRooms(system.deps, { eventId: event.id });

describe('reconciling with ListEgress when webhooks are lost', () => {
  it('makes the recording LiveKit finished but never told us about, exactly once', async () => {
    const standIn = system.liveKitStandIn!;
    // Every webhook from here on is lost, as LiveKit's can be.
    standIn.dropNextWebhooks(1000);
    expect((await roomAction(system, event.slug, event.hostToken, 'recording/start')).status).toBe(200);
    const egressId = standIn.egress()[0]!.egressId;
    expect((await roomAction(system, event.slug, event.hostToken, 'recording/stop')).status).toBe(200);
    await standIn.idle();
    expect(standIn.egress()[0]!.status).toBe(3); // EGRESS_COMPLETE in LiveKit…
    const stuck = await findEgressByEgressId(system.deps.db, egressId);
    expect(stuck?.status).toBe('ending'); // …while we only know what the stop answered.
    expect(stuck?.recordingId).toBeNull();

    const first = await reconcile();
    expect(first).toMatchObject({ rooms: 1, recordingsCreated: 1 });
    const caughtUp = await findEgressByEgressId(system.deps.db, egressId);
    expect(caughtUp).toMatchObject({ status: 'complete' });
    expect(caughtUp?.recordingId).not.toBeNull();

    const second = await reconcile();
    expect(second).toMatchObject({ changed: 0, recordingsCreated: 0 });
    const fromRoom = (await listRecordings(system.deps.db)).filter((r) => r.eventId === event.id);
    expect(fromRoom.map((r) => r.id)).toEqual([caughtUp!.recordingId]);
    expect(standIn.webhookDeliveries().filter((d) => d.event.startsWith('egress_'))).toEqual([]);
  });

  it('gives an egress stuck as active in our database the failure LiveKit ended it with', async () => {
    const standIn = system.liveKitStandIn!;
    standIn.failNextEgress('Start signal not received');
    expect((await roomAction(system, event.slug, event.hostToken, 'recording/start')).status).toBe(200);
    const egressId = standIn.egress().find((e) => e.status < 3)!.egressId;
    // Stopped in LiveKit directly, as a crash or another tool would: we hear nothing of it.
    const { createLiveKitControl } = await import('@folkemote/livekit');
    await createLiveKitControl(system.deps.config.livekit).stopEgress(egressId);
    await standIn.idle();
    expect((await findEgressByEgressId(system.deps.db, egressId))?.status).toMatch(/starting|active/);
    expect((await roomViewAs(system, event.slug, event.hostToken)).recording.active).toBe(true);

    // This time through the worker's job, as the room's end or the schedule runs it.
    await system.deps.queues.enqueue('livekit.reconcile', { eventId: event.id });
    await until(
      () => findEgressByEgressId(system.deps.db, egressId),
      (egress) => egress?.status === 'failed',
      'the reconcile job to settle the egress',
    );
    expect(await findEgressByEgressId(system.deps.db, egressId)).toMatchObject({
      status: 'failed',
      error: 'Start signal not received',
      recordingId: null,
    });
    const view = await roomViewAs(system, event.slug, event.hostToken);
    expect(view.recording).toEqual({ active: false, startedAt: null, error: 'Start signal not received' });
    // With the stuck one settled, the room can be recorded again.
    expect((await roomAction(system, event.slug, event.hostToken, 'recording/start')).status).toBe(200);
  });
});
