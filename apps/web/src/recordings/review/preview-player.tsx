import { useEffect, useRef, useState } from 'react';

/**
 * Plays a version's master playlist (HLS) through the API, where only the recording's organisers
 * may read it: natively where the browser plays HLS, with hls.js (loaded on demand) elsewhere.
 */
export function PreviewPlayer({
  src,
  label,
  unavailable,
}: {
  src: string;
  label: string;
  unavailable: string;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    if (element.canPlayType('application/vnd.apple.mpegurl')) {
      element.src = src;
      return;
    }
    let destroy = () => {};
    let cancelled = false;
    void import('hls.js').then(({ default: Hls }) => {
      if (cancelled) return;
      if (!Hls.isSupported()) {
        setFailed(true);
        return;
      }
      const hls = new Hls({ enableWorker: false, capLevelToPlayerSize: true });
      hls.loadSource(src);
      hls.attachMedia(element);
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal) setFailed(true);
      });
      destroy = () => hls.destroy();
    });
    return () => {
      cancelled = true;
      destroy();
    };
  }, [src]);
  return (
    <div className="review-preview">
      {/* biome-ignore lint/a11y/useMediaCaption: a preview before captions exist; captions are added on publishing */}
      <video ref={video} controls preload="metadata" aria-label={label} data-preview-src={src} />
      {failed ? <p className="inline-error">{unavailable}</p> : null}
    </div>
  );
}
