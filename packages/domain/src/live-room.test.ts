import { describe, expect, it } from 'vitest';
import { decideRoomAction, joinRefusal } from './live-room.ts';

describe('decideRoomAction', () => {
  it('moves the room forward: open, live, end', () => {
    expect(decideRoomAction('not_open', 'open')).toEqual({ ok: true, change: { from: [], to: 'backstage' } });
    expect(decideRoomAction('backstage', 'live')).toEqual({
      ok: true,
      change: { from: ['backstage'], to: 'live' },
    });
    expect(decideRoomAction('live', 'end')).toEqual({
      ok: true,
      change: { from: ['backstage', 'live'], to: 'ended' },
    });
  });

  it('changes nothing when the room is already where it is asked to go', () => {
    expect(decideRoomAction('backstage', 'open')).toEqual({ ok: true, change: null });
    expect(decideRoomAction('live', 'open')).toEqual({ ok: true, change: null });
    expect(decideRoomAction('live', 'live')).toEqual({ ok: true, change: null });
    expect(decideRoomAction('ended', 'end')).toEqual({ ok: true, change: null });
  });

  it('refuses to go live or end before the backstage opens, and anything but ending after the end', () => {
    expect(decideRoomAction('not_open', 'live')).toMatchObject({ ok: false, code: 'room_not_open' });
    expect(decideRoomAction('not_open', 'end')).toMatchObject({ ok: false, code: 'room_not_open' });
    expect(decideRoomAction('ended', 'open')).toMatchObject({ ok: false, code: 'room_ended' });
    expect(decideRoomAction('ended', 'live')).toMatchObject({ ok: false, code: 'room_ended' });
  });
});

describe('joinRefusal', () => {
  it('lets attendees in only while live', () => {
    expect(joinRefusal('not_open', 'attendee')?.code).toBe('room_not_live');
    expect(joinRefusal('backstage', 'attendee')?.code).toBe('room_not_live');
    expect(joinRefusal('live', 'attendee')).toBeNull();
    expect(joinRefusal('ended', 'attendee')?.code).toBe('room_ended');
  });

  it('lets staff in from the backstage on', () => {
    for (const role of ['host', 'presenter', 'moderator'] as const) {
      expect(joinRefusal('not_open', role)?.code).toBe('room_not_open');
      expect(joinRefusal('backstage', role)).toBeNull();
      expect(joinRefusal('live', role)).toBeNull();
      expect(joinRefusal('ended', role)?.code).toBe('room_ended');
    }
  });
});
