/**
 * Why this page has no media connection, in the terms the page speaks to people in: it never
 * connected (`failed`), it dropped (`dropped`), the same person connected somewhere else
 * (`elsewhere`), they were removed (`removed`), or the room was closed (`ended`). `detail` is
 * the technical word on it, for staff only.
 */
export type MediaLossKind = 'failed' | 'dropped' | 'elsewhere' | 'removed' | 'ended';

export interface MediaLoss {
  kind: MediaLossKind;
  detail: string;
}

/**
 * Reads livekit-client's DisconnectReason (by name) and whether the page had been connected.
 * A page that disconnects itself (leaving, a new token) has lost nothing: null.
 */
export function classifyDisconnect(reasonName: string | undefined, connectedOnce: boolean): MediaLoss | null {
  const detail = reasonName ?? 'UNKNOWN_REASON';
  switch (reasonName) {
    case 'CLIENT_INITIATED':
      return null;
    case 'DUPLICATE_IDENTITY':
      return { kind: 'elsewhere', detail };
    case 'PARTICIPANT_REMOVED':
      return { kind: 'removed', detail };
    case 'ROOM_DELETED':
    case 'ROOM_CLOSED':
      return { kind: 'ended', detail };
    default:
      return { kind: connectedOnce ? 'dropped' : 'failed', detail };
  }
}

/** Whether connecting again could help: not after a removal or the room's end. */
export function canRejoinAfter(loss: MediaLoss): boolean {
  return loss.kind !== 'removed' && loss.kind !== 'ended';
}
