import { type RefObject, useEffect } from 'react';

/**
 * Plays an HLS master playlist in a video element: natively where the browser can (Safari),
 * otherwise with hls.js, loaded only on this page.
 */
export function useHls(video: RefObject<HTMLVideoElement | null>, src: string | null): void {
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
      if (cancelled || !Hls.isSupported()) return;
      const hls = new Hls({ capLevelToPlayerSize: true });
      hls.loadSource(src);
      hls.attachMedia(element);
      destroy = () => hls.destroy();
    });
    return () => {
      cancelled = true;
      destroy();
    };
  }, [video, src]);
}
