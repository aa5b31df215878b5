import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveKitControl, createParticipantToken, type LiveKitStandIn } from '../src/index.ts';
import { apiToken } from './support/api-token.ts';
import { startStandIn, TEST_CREDENTIALS } from './support/contract-target.ts';

describe('the stand-in HTTP test API', () => {
  let standIn: LiveKitStandIn;

  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterAll(async () => {
    await standIn?.close();
  });

  const call = async (path: string, token: string | undefined, body?: unknown, method = 'POST') => {
    const response = await fetch(`${standIn.url}/_standin/${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const tokenFor = (room: string, role: 'attendee' | 'presenter', identity: string) =>
    createParticipantToken(TEST_CREDENTIALS, { room, identity, name: 'Someone', role, ttlSeconds: 600 });

  it('joins with an access token and publishes only what the grant allows', async () => {
    const room = `event-${randomUUID()}`;
    const attendee = await tokenFor(room, 'attendee', 'reg_1');
    const presenter = await tokenFor(room, 'presenter', 'staff_1');

    const joined = await call('join', attendee);
    expect(joined.status).toBe(200);
    expect(joined.body.participant).toMatchObject({ identity: 'reg_1', permission: { canPublish: false } });
    expect((await call('publish', attendee, { source: 'camera' })).status).toBe(403);
    expect((await call('data', attendee, {})).status).toBe(403);
    expect((await call('attributes', attendee, { attributes: { hand: 'raised' } })).status).toBe(403);

    expect((await call('join', presenter)).status).toBe(200);
    const published = await call('publish', presenter, { source: 'screen_share' });
    expect(published.status).toBe(200);
    expect(published.body.track).toMatchObject({ source: 'SCREEN_SHARE', type: 'VIDEO' });

    const control = createLiveKitControl({ apiUrl: standIn.url, ...TEST_CREDENTIALS });
    await control.setAttributes(room, 'reg_1', { hand: 'raised' });
    const listed = await control.listParticipants(room);
    expect(listed.map((p) => [p.identity, p.attributes.hand ?? ''])).toEqual([
      ['reg_1', 'raised'],
      ['staff_1', ''],
    ]);

    // The others as each client was told of them: the hidden attendee is no one's to see.
    const seenByAttendee = await call('participants', attendee, undefined, 'GET');
    expect(seenByAttendee.status).toBe(200);
    expect(seenByAttendee.body.participants).toEqual([
      expect.objectContaining({
        identity: 'staff_1',
        tracks: [expect.objectContaining({ source: 'SCREEN_SHARE' })],
      }),
    ]);
    expect((await call('participants', presenter, undefined, 'GET')).body.participants).toEqual([]);

    expect((await call('leave', attendee, {})).status).toBe(200);
    expect((await call('participants', attendee, undefined, 'GET')).status).toBe(404);
  });

  it('refuses a forged token and checks bodies', async () => {
    const room = `event-${randomUUID()}`;
    const forged = await createParticipantToken(
      { apiKey: TEST_CREDENTIALS.apiKey, apiSecret: 'not-the-secret-but-long-enough-anyway' },
      { room, identity: 'reg_x', name: 'X', role: 'attendee', ttlSeconds: 600 },
    );
    expect((await call('join', forged)).status).toBe(401);
    expect((await call('join', undefined)).status).toBe(401);

    const presenter = await tokenFor(room, 'presenter', 'staff_2');
    await call('join', presenter);
    const bad = await call('publish', presenter, { source: 'hologram' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: 'source' })]);
  });

  it('sets the webhook and egress hooks with a token of the API key pair', async () => {
    expect((await call('webhooks/drop', undefined, { count: 1 })).status).toBe(401);
    const admin = await apiToken(TEST_CREDENTIALS, {});
    expect((await call('webhooks/drop', admin, { count: 0 })).status).toBe(200);
    expect((await call('egress/fail-next', admin, { error: 'no space' })).status).toBe(200);
    const state = await call('state', admin, undefined, 'GET');
    expect(state.status).toBe(200);
    expect(Array.isArray(state.body.rooms)).toBe(true);
  });
});
