import { TokenVerifier, TrackSource } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { createParticipantToken } from './create-participant-token.ts';
import { grantsForRole, stagePermission, visibleOffStage } from './role-grants.ts';
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

  it('keeps attendees and moderators hidden, off the media, the data channel and their own attributes', () => {
    for (const role of ['attendee', 'moderator'] as const) {
      expect(grantsForRole(role, 'event-1')).toEqual({
        roomJoin: true,
        room: 'event-1',
        canPublish: false,
        canSubscribe: true,
        canPublishData: false,
        canUpdateOwnMetadata: false,
        hidden: true,
      });
    }
  });

  it('gives an attendee the permission the server derives: hidden, watching only', () => {
    const permission = permissionFromGrant(grantsForRole('attendee', 'event-1'));
    expect(permission).toMatchObject({
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
      canUpdateMetadata: false,
      hidden: true,
    });
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
      canPublishData: false,
      canUpdateOwnMetadata: false,
      hidden: true,
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
  it('brings an attendee on stage visible, with every stage source, and sends them back hidden', () => {
    expect(stagePermission('attendee', true).toJson()).toEqual({
      canSubscribe: true,
      canPublish: true,
      canPublishSources: ['CAMERA', 'MICROPHONE', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'],
    });
    expect(stagePermission('attendee', false).toJson()).toEqual({ canSubscribe: true, hidden: true });
    expect(stagePermission('moderator', false)).toEqual(stagePermission('attendee', false));
  });

  it('leaves presenters and hosts visible off stage, with the data channel their token gives', () => {
    for (const role of ['presenter', 'host'] as const) {
      expect(stagePermission(role, false).toJson()).toEqual({ canSubscribe: true, canPublishData: true });
      expect(stagePermission(role, true)).toMatchObject({ canPublish: true, hidden: false });
    }
  });

  it('is, off stage, what the server derives from the role’s token', () => {
    for (const role of ['attendee', 'moderator', 'presenter', 'host'] as const) {
      const fromToken = permissionFromGrant(grantsForRole(role, 'r'));
      const backToAudience = stagePermission(role, false);
      expect(backToAudience.hidden).toBe(fromToken.hidden);
      expect(backToAudience.canPublishData).toBe(fromToken.canPublishData);
      expect(backToAudience.canUpdateMetadata).toBe(fromToken.canUpdateMetadata);
    }
  });

  it('takes the tracks away visibly before hiding', () => {
    const hidden = stagePermission('attendee', false);
    expect(visibleOffStage(hidden)).toMatchObject({ canPublish: false, hidden: false });
    expect(hidden.hidden).toBe(true);
  });
});

describe('roomNameForEvent', () => {
  it('names the room after the event', () => {
    expect(roomNameForEvent('0b7f')).toBe('event-0b7f');
  });
});
