/**
 * Whether someone is on stage comes from two places: our room view (`me.onStage`, streamed by
 * the API) and LiveKit's permission for the local participant (`canPublish`, which the API sets
 * to match). Either can arrive first, so the one that changed last decides.
 */
export interface StageSignals {
  room: boolean;
  livekit: boolean | null;
  latest: 'room' | 'livekit';
}

export type StageSignalChange = { source: 'room' | 'livekit'; onStage: boolean | null };

export function initialStageSignals(roomOnStage: boolean): StageSignals {
  return { room: roomOnStage, livekit: null, latest: 'room' };
}

export function applyStageSignal(state: StageSignals, change: StageSignalChange): StageSignals {
  // No LiveKit connection (stand-in, or not joined yet): only the room view speaks.
  if (change.onStage === null)
    return change.source === 'livekit' ? { ...state, livekit: null, latest: 'room' } : state;
  // The permission a fresh connection starts with is the token's, by role: the API puts someone
  // who is on stage back on it right after they join, so only a change of it is news.
  if (change.source === 'livekit' && state.livekit === null) return { ...state, livekit: change.onStage };
  if (state[change.source] === change.onStage) return state;
  return { ...state, [change.source]: change.onStage, latest: change.source };
}

export function isOnStage(state: StageSignals): boolean {
  return state.latest === 'livekit' && state.livekit !== null ? state.livekit : state.room;
}
