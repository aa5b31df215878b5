import type { TimeRange } from '@folkemote/domain';
import { type RefObject, useEffect } from 'react';

/**
 * While the preview is on, the player skips the ranges the trim removes, as the trimmed version
 * will play: checked on every frame the browser paints, so little of a cut shows.
 */
export function usePreviewSkip(
  video: RefObject<HTMLVideoElement | null>,
  removed: readonly TimeRange[],
  enabled: boolean,
): void {
  useEffect(() => {
    const element = video.current;
    if (!element || !enabled) return;
    let frame = 0;
    const check = () => {
      const t = element.currentTime;
      const range = removed.find((r) => t >= r.start && t < r.end - 0.01);
      if (range) {
        if (range.end >= element.duration - 0.05) element.pause();
        else element.currentTime = range.end;
      }
      frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [video, removed, enabled]);
}
