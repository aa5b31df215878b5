import { type RefObject, useEffect } from 'react';

/**
 * Plays an HLS master playlist (an organiser's preview, through the API) in a video element:
 * natively where the browser can (Safari), otherwise with hls.js, loaded only on the pages that
 * play one. `onFailed` hears of a browser that can do neither, or of a fatal playback error.
 */
export function useHls(
  video: RefObject<HTMLVideoElement | null>,
  src: string | null,
  onFailed?: () => void,
): void {
  useEffect(() => {
    const element = video.current;
    if (!element || !src) return;
    if (element.canPlayType('application/vnd.apple.mpegurl')) {
      element.src = src;
      return () => {
        element.removeAttribute('src');
        element.load();
      };
    }
    let destroy = () => {};
    let cancelled = false;
    void import('hls.js').then(({ default: Hls }) => {
      if (cancelled) return;
      if (!Hls.isSupported()) {
        onFailed?.();
        return;
      }
      const hls = new Hls({ enableWorker: false, capLevelToPlayerSize: true });
      hls.loadSource(src);
      hls.attachMedia(element);
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal) onFailed?.();
      });
      destroy = () => hls.destroy();
    });
    return () => {
      cancelled = true;
      destroy();
    };
  }, [video, src, onFailed]);
}
