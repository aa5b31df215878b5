import type { CaptionCue } from '@folkemote/domain';
import { type RefObject, useEffect, useRef } from 'react';

/** Plays one cue in the preview (from its start, pausing at its end), and reads the playback time. */
export function useCuePlayer(videoRef: RefObject<HTMLVideoElement | null>) {
  const stopAt = useRef<number | null>(null);
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const onTime = () => {
      if (stopAt.current !== null && video.currentTime * 1000 >= stopAt.current) {
        stopAt.current = null;
        video.pause();
      }
    };
    const onPause = () => {
      stopAt.current = null;
    };
    video.addEventListener('timeupdate', onTime);
    video.addEventListener('pause', onPause);
    return () => {
      video.removeEventListener('timeupdate', onTime);
      video.removeEventListener('pause', onPause);
    };
  }, [videoRef]);
  return {
    /** The playback time, when there is a preview that has loaded. */
    timeMs: () => {
      const video = videoRef.current;
      return video && video.readyState > 0 ? Math.round(video.currentTime * 1000) : undefined;
    },
    playCue: (cue: CaptionCue) => {
      const video = videoRef.current;
      if (!video) return;
      video.currentTime = cue.startMs / 1000;
      stopAt.current = cue.endMs;
      void video.play().catch(() => undefined);
    },
  };
}
