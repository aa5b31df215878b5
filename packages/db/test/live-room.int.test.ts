import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachEgressId,
  findActiveEgress,
  findEgressByEgressId,
  insertRecording,
  linkEgressRecording,
  listLiveRoomsToReconcile,
  openLiveRoom,
  recordLiveKitWebhookEvent,
  reserveEgress,
  saveEgressReport,
  setRoomHand,
  setRoomOnStage,
  transitionLiveRoom,
  upsertEvent,
  upsertOrganisation,
  upsertRoomParticipant,
} from '../src/index.ts';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../src/testing/index.ts';

describe.each(await databaseKindsUnderTest())('live rooms on %s', (kind) => {
  let t: TestDatabase;
  let eventId: string;
  const roomName = 'room-test';
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await upsertOrganisation(t.db, { slug: 'testkommune', name: 'Testkommune' });
    const event = await upsertEvent(t.db, {
      organisationSlug: 'testkommune',
      slug: 'direkte-test',
      title: 'Direkte',
      description: '',
      startsAt: '2030-01-01T10:00:00Z',
      endsAt: '2030-01-01T11:00:00Z',
      language: 'nb',
      contact: { name: 'Kontakt', email: 'kontakt@example.no' },
    });
    eventId = event.id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('opens a room once and moves it forward only from the states named', async () => {
    const opened = await openLiveRoom(t.db, { eventId, roomName });
    expect(opened.status).toBe('backstage');
    expect((await openLiveRoom(t.db, { eventId, roomName })).openedAt).toBe(opened.openedAt);
    expect(await transitionLiveRoom(t.db, eventId, ['ended'], 'live')).toBeNull();
    const live = await transitionLiveRoom(t.db, eventId, ['backstage'], 'live');
    expect(live?.status).toBe('live');
    expect(live?.liveAt).not.toBeNull();
    expect((await listLiveRoomsToReconcile(t.db, 3600)).map((r) => r.eventId)).toContain(eventId);
  });

  it('keeps one active recording per room, even when two start at once', async () => {
    const [a, b] = await Promise.all([
      reserveEgress(t.db, { eventId, roomName }),
      reserveEgress(t.db, { eventId, roomName }),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const reservation = (a ?? b)!;
    const attached = await attachEgressId(t.db, reservation, 'EG_first');
    expect(attached?.status).toBe('starting');
    expect((await findActiveEgress(t.db, eventId))?.egressId).toBe('EG_first');
  });

  it('moves an egress forward only, and links one recording to it', async () => {
    const base = { eventId, roomName, egressId: 'EG_first', error: null, endedAt: null };
    const started = new Date('2030-01-01T10:00:01Z');
    const active = await saveEgressReport(t.db, { ...base, status: 'active', startedAt: started });
    expect(active).toMatchObject({ changed: true, egress: { status: 'active' } });
    const late = await saveEgressReport(t.db, { ...base, status: 'starting', startedAt: null });
    expect(late).toMatchObject({ changed: false, egress: { status: 'active' } });
    const again = await saveEgressReport(t.db, { ...base, status: 'active', startedAt: started });
    expect(again?.changed).toBe(false);
    const done = await saveEgressReport(t.db, {
      ...base,
      status: 'complete',
      startedAt: started,
      endedAt: new Date('2030-01-01T10:30:00Z'),
    });
    expect(done?.egress).toMatchObject({ status: 'complete', startedAt: started.toISOString() });
    expect(await findActiveEgress(t.db, eventId)).toBeNull();

    const recording = await insertRecording(t.db, {
      eventId,
      title: 'Direkte',
      sourceKey: 'livekit/x.mp4',
      sourceBytes: 10,
      sourceStartedAt: started,
    });
    expect(recording.sourceStartedAt?.toISOString()).toBe(started.toISOString());
    expect(await linkEgressRecording(t.db, done!.egress.id, recording.id)).toBe(true);
    expect(await linkEgressRecording(t.db, done!.egress.id, recording.id)).toBe(false);
  });

  it('gives an early report the open reservation, and the start answer finds it', async () => {
    const reservation = (await reserveEgress(t.db, { eventId, roomName }))!;
    const report = await saveEgressReport(t.db, {
      eventId,
      roomName,
      egressId: 'EG_second',
      status: 'starting',
      error: null,
      startedAt: null,
      endedAt: null,
    });
    expect(report?.egress.id).toBe(reservation.id);
    const attached = await attachEgressId(t.db, reservation, 'EG_second');
    expect(attached?.id).toBe(reservation.id);
    const failed = await saveEgressReport(t.db, {
      eventId,
      roomName,
      egressId: 'EG_second',
      status: 'failed',
      error: 'Start signal not received',
      startedAt: null,
      endedAt: new Date(),
    });
    expect(failed?.egress).toMatchObject({ status: 'failed', error: 'Start signal not received' });
    expect((await findEgressByEgressId(t.db, 'EG_second'))?.status).toBe('failed');
  });

  it('processes a webhook event id once', async () => {
    expect(await recordLiveKitWebhookEvent(t.db, 'EV_one', 'egress_started')).toBe(true);
    expect(await recordLiveKitWebhookEvent(t.db, 'EV_one', 'egress_started')).toBe(false);
  });

  it('keeps hands and the stage in our own rows', async () => {
    await upsertRoomParticipant(t.db, {
      eventId,
      identity: 'reg_1',
      displayName: 'Kari',
      role: 'attendee',
      registrationId: null,
    });
    const raised = await setRoomHand(t.db, eventId, 'reg_1', true);
    expect(raised?.handRaisedAt).not.toBeNull();
    expect((await setRoomHand(t.db, eventId, 'reg_1', true))?.handRaisedAt).toBe(raised?.handRaisedAt);
    const onStage = await setRoomOnStage(t.db, eventId, 'reg_1', true);
    expect(onStage).toMatchObject({ onStage: true, handRaisedAt: null });
    const host = await upsertRoomParticipant(t.db, {
      eventId,
      identity: 'org_1',
      displayName: 'Vert',
      role: 'host',
      registrationId: null,
    });
    expect(host.onStage).toBe(true);
    expect(await setRoomHand(t.db, eventId, 'nobody', true)).toBeNull();
  });
});
