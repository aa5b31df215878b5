import { type RefObject, useEffect } from 'react';

interface HlsLike {
  loadSource(src: string): void;
  attachMedia(media: HTMLMediaElement): void;
  destroy(): void;
}
interface HlsConstructor {
  new (config?: Record<string, unknown>): HlsLike;
  isSupported(): boolean;
}
declare global {
  interface Window {
    Hls?: HlsConstructor;
  }
}

/** The public site's address, from a preview URL under it (…/replays/<id>/v/<version>/master.m3u8). */
export function siteBaseOf(previewUrl: string): string {
  return previewUrl.replace(/\/replays\/[^/]+\/v\/[^/]+\/[^/]+$/, '');
}

function loadHlsJs(src: string): Promise<HlsConstructor | null> {
  if (window.Hls) return Promise.resolve(window.Hls);
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () => resolve(window.Hls ?? null);
    script.onerror = () => resolve(null);
    document.head.append(script);
  });
}

/**
 * The recording's preview (its HLS master playlist): the browser's own HLS where it has one,
 * otherwise the public site's hls.js, loaded only then.
 */
export function PreviewVideo({
  previewUrl,
  label,
  videoRef,
}: {
  previewUrl: string;
  label: string;
  videoRef: RefObject<HTMLVideoElement | null>;
}) {
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = previewUrl;
      return;
    }
    let hls: HlsLike | null = null;
    let gone = false;
    void loadHlsJs(`${siteBaseOf(previewUrl)}/assets/hls.min.js`).then((Hls) => {
      if (gone || !Hls?.isSupported()) return;
      hls = new Hls({ maxBufferLength: 10 });
      hls.loadSource(previewUrl);
      hls.attachMedia(video);
    });
    return () => {
      gone = true;
      hls?.destroy();
    };
  }, [previewUrl, videoRef]);
  return (
    // biome-ignore lint/a11y/useMediaCaption: the captions being written are the list beside it
    <video ref={videoRef} className="caption-editor__video" controls preload="metadata" aria-label={label} />
  );
}
