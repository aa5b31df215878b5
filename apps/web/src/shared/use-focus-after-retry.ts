import type { RecordingState } from '@folkemote/domain';
import { type RefObject, useEffect, useRef } from 'react';

/**
 * A successful retry removes the focused retry button along with the failed
 * state; focus would then fall back to the start of the page. This puts it on
 * the recording's title instead. Returns the ref to attach to that title.
 */
export function useFocusAfterRetry<T extends HTMLElement>(state: RecordingState): RefObject<T | null> {
  const title = useRef<T>(null);
  const wasFailed = useRef(state === 'failed');
  useEffect(() => {
    if (wasFailed.current && state !== 'failed') {
      const active = document.activeElement;
      if (!active || active === document.body) title.current?.focus();
    }
    wasFailed.current = state === 'failed';
  }, [state]);
  return title;
}
