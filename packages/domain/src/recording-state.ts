/**
 * The recording state machine: the one table of allowed transitions, which
 * `transitionRecording` (packages/db) enforces and ARCHITECTURE.md draws. Jobs
 * never enqueue each other: a job moves a recording to its next state, and
 * `nextRecordingStep` (packages/pipeline) says which job that state needs.
 */
export const recordingStates = ['uploaded', 'processing', 'quick_published', 'published', 'failed'] as const;
export type RecordingState = (typeof recordingStates)[number];

const transitions: Record<RecordingState, readonly RecordingState[]> = {
  // uploaded: the source is in the raw bucket; nothing has been probed yet.
  uploaded: ['processing', 'failed'],
  // processing: probed and accepted; the quick remux or the full ladder is being made.
  processing: ['quick_published', 'published', 'failed'],
  // quick_published: a stream-copied single rendition is public; the ladder is on its way.
  quick_published: ['published', 'failed'],
  // published: the full ladder is public. A re-run (e.g. new loudness target) goes back to processing.
  published: ['processing'],
  // failed: a human-readable reason is stored; an organiser may retry.
  failed: ['uploaded'],
};

export function canTransition(from: RecordingState, to: RecordingState): boolean {
  return transitions[from].includes(to);
}

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: RecordingState,
    readonly to: RecordingState,
  ) {
    super(`A recording cannot move from ${from} to ${to}`);
    this.name = 'InvalidTransitionError';
  }
}

export function assertTransition(from: RecordingState, to: RecordingState): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}

/** Whether a viewer can play something for a recording in this state. */
export function isPlayable(state: RecordingState): boolean {
  return state === 'quick_published' || state === 'published';
}
