import { TokenVerifier, TrackSource } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { createParticipantToken } from './create-participant-token.ts';
import { grantsForRole, stagePermission } from './role-grants.ts';
import { roomNameForEvent } from './room-name.ts';
import { permissionFromGrant } from './stand-in/participant-permission.ts';

const credentials = { apiKey: 'APIroletest', apiSecret: 'role-test-secret-that-is-long-enough' };
const ALL_SOURCES = [
  TrackSource.CAMERA,
  TrackSource.MICROPHONE,
  TrackSource.SCREEN_SHARE,
  TrackSource.SCREEN_SHARE_AUDIO,
];

describe('grantsForRole', () => {
  it('lets presenters and hosts publish every stage source', () => {
    for (const role of ['presenter', 'host'] as const) {
      expect(grantsForRole(role, 'event-1')).toEqual({
        roomJoin: true,
        room: 'event-1',
        canPublish: true,
        canSubscribe: true,
        canPublishData: true,
        canPublishSources: ALL_SOURCES,
      });
    }
  });

  it('keeps attendees and moderators off the media but on the data channel', () => {
    for (const role of ['attendee', 'moderator'] as const) {
      expect(grantsForRole(role, 'event-1')).toEqual({
        roomJoin: true,
        room: 'event-1',
        canPublish: false,
        canSubscribe: true,
        canPublishData: true,
        canUpdateOwnMetadata: true,
      });
    }
  });

  it('gives an attendee the permission the server derives: no publishing, data and own attributes', () => {
    const permission = permissionFromGrant(grantsForRole('attendee', 'event-1'));
    expect(permission).toMatchObject({ canPublish: false, canPublishData: true, canUpdateMetadata: true });
    // Without the explicit canPublishData the server would follow canPublish and refuse data.
    const { canPublishData: _, ...withoutData } = grantsForRole('attendee', 'event-1');
    expect(permissionFromGrant(withoutData).canPublishData).toBe(false);
  });
});

describe('createParticipantToken', () => {
  it('signs the role grant, identity, name, attributes and expiry', async () => {
    const before = Math.floor(Date.now() / 1000);
    const token = await createParticipantToken(credentials, {
      room: 'event-9',
      identity: 'reg_abc',
      name: 'Kari Nordmann',
      role: 'attendee',
      ttlSeconds: 600,
      attributes: { role: 'attendee' },
    });
    const claims = await new TokenVerifier(credentials.apiKey, credentials.apiSecret).verify(token);
    expect(claims.sub).toBe('reg_abc');
    expect(claims.name).toBe('Kari Nordmann');
    expect(claims.iss).toBe(credentials.apiKey);
    expect(claims.attributes).toEqual({ role: 'attendee' });
    expect(claims.video).toEqual({
      roomJoin: true,
      room: 'event-9',
      canPublish: false,
      canSubscribe: true,
      canPublishData: true,
      canUpdateOwnMetadata: true,
    });
    expect(claims.exp).toBeGreaterThanOrEqual(before + 600);
    expect(claims.exp).toBeLessThanOrEqual(before + 602);
  });

  it('writes publish sources as names in the JWT', async () => {
    const token = await createParticipantToken(credentials, {
      room: 'event-9',
      identity: 'staff_1',
      name: 'P',
      role: 'presenter',
      ttlSeconds: 60,
    });
    const claims = await new TokenVerifier(credentials.apiKey, credentials.apiSecret).verify(token);
    expect(claims.video?.canPublishSources).toEqual([
      'camera',
      'microphone',
      'screen_share',
      'screen_share_audio',
    ]);
  });
});

describe('stagePermission', () => {
  it('sets every field that must stay true, since the permission replaces the whole set', () => {
    const on = stagePermission(true);
    expect(on.toJson()).toEqual({
      canSubscribe: true,
      canPublish: true,
      canPublishData: true,
      canPublishSources: ['CAMERA', 'MICROPHONE', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'],
      canUpdateMetadata: true,
    });
    expect(stagePermission(false).toJson()).toEqual({
      canSubscribe: true,
      canPublishData: true,
      canUpdateMetadata: true,
    });
  });

  it('keeps hidden and canUpdateMetadata as the participant has them', () => {
    const current = permissionFromGrant({ roomJoin: true, room: 'r', hidden: true });
    expect(stagePermission(true, current)).toMatchObject({
      hidden: true,
      canUpdateMetadata: false,
      canPublish: true,
    });
  });
});

describe('roomNameForEvent', () => {
  it('names the room after the event', () => {
    expect(roomNameForEvent('0b7f')).toBe('event-0b7f');
  });
});
