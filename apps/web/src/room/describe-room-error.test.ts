import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages.ts';
import { ApiError, isAccessError } from '../shared/api-error.ts';
import { describeRoomError } from './describe-room-error.ts';

const t = messages.nb;

describe('describeRoomError', () => {
  it('says why a link does not get in', () => {
    expect(describeRoomError(new ApiError(401, 'invalid_link', 'x'), t)).toBe(t.room.access.invalid);
    expect(describeRoomError(new ApiError(403, 'waitlisted', 'x'), t)).toBe(t.room.access.waitlisted);
    expect(describeRoomError(new ApiError(403, 'other_event', 'x'), t)).toBe(t.room.access.otherEvent);
    expect(describeRoomError(new ApiError(404, 'event_not_found', 'x'), t)).toBe(t.room.access.notFound);
  });

  it('says why an action was refused', () => {
    expect(describeRoomError(new ApiError(409, 'recording_active', 'x'), t)).toBe(
      t.room.refusals.recording_active,
    );
    expect(describeRoomError(new ApiError(403, 'removed_from_room', 'x'), t)).toBe(t.room.access.removed);
    // A stream of a cancelled event is refused for good; joining one is refused as a conflict.
    expect(describeRoomError(new ApiError(403, 'event_cancelled', 'x'), t)).toBe(
      t.room.access.eventCancelled,
    );
    expect(describeRoomError(new ApiError(409, 'event_cancelled', 'x'), t)).toBe(
      t.room.access.eventCancelled,
    );
  });

  it('falls back to the general sentences', () => {
    expect(describeRoomError(new ApiError(null, 'network', 'x'), t)).toBe(t.errors.unreachableOnce);
    expect(describeRoomError(new ApiError(500, 'internal', 'x'), t)).toBe(t.errors.serverOnce(500));
  });

  it('tells refusals from passing failures', () => {
    expect(isAccessError(new ApiError(403, 'waitlisted', 'x'))).toBe(true);
    expect(isAccessError(new ApiError(409, 'room_not_live', 'x'))).toBe(false);
    expect(isAccessError(new ApiError(null, 'network', 'x'))).toBe(false);
  });
});
