import { useCallback, useRef, useState } from 'react';
import { useHls } from '../use-hls.ts';

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
  const fail = useCallback(() => setFailed(true), []);
  useHls(video, src, fail);
  return (
    <div className="review-preview">
      {/* biome-ignore lint/a11y/useMediaCaption: a preview before captions exist; captions are added on publishing */}
      <video ref={video} controls preload="metadata" aria-label={label} data-preview-src={src} />
      {failed ? <p className="inline-error">{unavailable}</p> : null}
    </div>
  );
}
