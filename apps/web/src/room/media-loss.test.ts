import { describe, expect, it } from 'vitest';
import { canRejoinAfter, classifyDisconnect } from './media-loss.ts';

describe('classifyDisconnect', () => {
  it('tells a connection that never came from one that dropped', () => {
    expect(classifyDisconnect('JOIN_FAILURE', false)).toEqual({ kind: 'failed', detail: 'JOIN_FAILURE' });
    expect(classifyDisconnect(undefined, false)).toEqual({ kind: 'failed', detail: 'UNKNOWN_REASON' });
    expect(classifyDisconnect('SIGNAL_CLOSE', true)).toEqual({ kind: 'dropped', detail: 'SIGNAL_CLOSE' });
    expect(classifyDisconnect('SERVER_SHUTDOWN', true)?.kind).toBe('dropped');
  });

  it('names the reasons people must be told apart', () => {
    expect(classifyDisconnect('DUPLICATE_IDENTITY', true)?.kind).toBe('elsewhere');
    expect(classifyDisconnect('PARTICIPANT_REMOVED', true)?.kind).toBe('removed');
    expect(classifyDisconnect('ROOM_DELETED', true)?.kind).toBe('ended');
    expect(classifyDisconnect('ROOM_CLOSED', true)?.kind).toBe('ended');
  });

  it('counts leaving of one’s own accord as no loss', () => {
    expect(classifyDisconnect('CLIENT_INITIATED', true)).toBeNull();
  });
});

describe('canRejoinAfter', () => {
  it('offers to connect again unless the person was removed or the room closed', () => {
    expect(canRejoinAfter({ kind: 'dropped', detail: '' })).toBe(true);
    expect(canRejoinAfter({ kind: 'failed', detail: '' })).toBe(true);
    expect(canRejoinAfter({ kind: 'elsewhere', detail: '' })).toBe(true);
    expect(canRejoinAfter({ kind: 'removed', detail: '' })).toBe(false);
    expect(canRejoinAfter({ kind: 'ended', detail: '' })).toBe(false);
  });
});
