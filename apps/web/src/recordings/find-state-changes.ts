import type { RecordingView } from '@folkemote/contract';
import type { RecordingState } from '@folkemote/domain';

export interface StateChange {
  id: string;
  title: string;
  state: RecordingState;
}

/**
 * The recordings whose state differs from the previous poll. Only these are
 * announced to screen readers: announcing every percent would drown the page.
 * Recordings that were not in the previous list are not changes.
 */
export function findStateChanges(
  previous: readonly Pick<RecordingView, 'id' | 'state'>[],
  next: readonly Pick<RecordingView, 'id' | 'title' | 'state'>[],
): StateChange[] {
  const before = new Map(previous.map((r) => [r.id, r.state]));
  return next
    .filter((r) => before.has(r.id) && before.get(r.id) !== r.state)
    .map(({ id, title, state }) => ({ id, title, state }));
}
