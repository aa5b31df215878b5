import type { RefObject } from 'react';
import { useHls } from '../use-hls.ts';

/**
 * The recording's preview (its HLS master playlist, through the API): the browser's own HLS
 * where it has one, otherwise hls.js.
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
  useHls(videoRef, previewUrl);
  return (
    // biome-ignore lint/a11y/useMediaCaption: the captions being written are the list beside it
    <video ref={videoRef} className="caption-editor__video" controls preload="metadata" aria-label={label} />
  );
}
