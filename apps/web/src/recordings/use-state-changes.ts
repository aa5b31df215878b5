import type { RecordingView } from '@folkemote/contract';
import { useEffect, useRef, useState } from 'react';
import { findStateChanges, type StateChange } from './find-state-changes.ts';

/**
 * The state changes seen in the latest poll, for a polite live region. The
 * previous list is kept between renders; progress ticks are not changes.
 *
 * @example
 * const changes = useStateChanges(recordings);
 */
export function useStateChanges(recordings: readonly RecordingView[] | null): StateChange[] {
  const previous = useRef<readonly RecordingView[] | null>(null);
  const [changes, setChanges] = useState<StateChange[]>([]);
  useEffect(() => {
    if (!recordings) return;
    if (previous.current) {
      const found = findStateChanges(previous.current, recordings);
      if (found.length > 0) setChanges(found);
    }
    previous.current = recordings;
  }, [recordings]);
  return changes;
}
