import type { RecordingTrimView } from '@folkemote/contract';
import type { TimeRange } from '@folkemote/domain';
import { type RefObject, useEffect, useId, useState } from 'react';
import { trimMessages } from '../../i18n/trim-messages.ts';
import { useLocale } from '../../shared/use-locale.ts';
import { useHls } from '../use-hls.ts';
import { formatTrimTime } from './trim-time.ts';
import { usePreviewSkip } from './use-preview-skip.ts';
import { spriteCueAt, useSprite } from './use-sprite.ts';

interface TrimPlayerProps {
  video: RefObject<HTMLVideoElement | null>;
  view: RecordingTrimView;
  duration: number;
  removed: readonly TimeRange[];
  preview: boolean;
}

const FRAME = 1 / 30;

/** The current version in a player, a position slider with the seek sprite's picture, and steps by frame and second. */
export function TrimPlayer({ video, view, duration, removed, preview }: TrimPlayerProps) {
  const { locale } = useLocale();
  const m = trimMessages[locale];
  const sliderId = useId();
  const [position, setPosition] = useState(0);
  useHls(video, view.previewUrl);
  usePreviewSkip(video, removed, preview);
  const sprite = useSprite(view.spriteUrl);
  const cue = spriteCueAt(sprite, position);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const update = () => setPosition(element.currentTime);
    element.addEventListener('timeupdate', update);
    element.addEventListener('seeked', update);
    return () => {
      element.removeEventListener('timeupdate', update);
      element.removeEventListener('seeked', update);
    };
  }, [video]);

  const seek = (t: number) => {
    const to = Math.min(duration, Math.max(0, t));
    if (video.current) video.current.currentTime = to;
    setPosition(to);
  };

  return (
    <section className="trim-player" aria-label={m.player}>
      {/* biome-ignore lint/a11y/useMediaCaption: the organiser's working copy; its captions are edited elsewhere */}
      <video
        ref={video}
        controls
        playsInline
        preload="metadata"
        className="trim-video"
        aria-label={m.player}
      />
      <div className="trim-row">
        <label htmlFor={sliderId}>{m.position}</label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={duration}
          step={0.1}
          value={position}
          aria-valuetext={formatTrimTime(position)}
          aria-describedby={`${sliderId}-hint`}
          onChange={(e) => seek(Number(e.target.value))}
          onKeyDown={(e) => {
            if (e.key === 'PageUp' || e.key === 'PageDown') {
              e.preventDefault();
              seek(position + (e.key === 'PageUp' ? 10 : -10));
            }
          }}
        />
        <output htmlFor={sliderId}>{formatTrimTime(position)}</output>
        <span id={`${sliderId}-hint`} className="field-hint">
          {m.positionHint}
        </span>
      </div>
      {cue ? (
        <div
          className="trim-thumbnail"
          role="img"
          aria-label={m.thumbnail(formatTrimTime(position))}
          style={{
            width: cue.w,
            height: cue.h,
            backgroundImage: `url("${cue.image}")`,
            backgroundPosition: `-${cue.x}px -${cue.y}px`,
          }}
        />
      ) : null}
      <div className="trim-row">
        <button type="button" className="button" onClick={() => seek(position - 1)}>
          {m.stepBackSecond}
        </button>
        <button type="button" className="button" onClick={() => seek(position - FRAME)}>
          {m.stepBackFrame}
        </button>
        <button type="button" className="button" onClick={() => seek(position + FRAME)}>
          {m.stepForwardFrame}
        </button>
        <button type="button" className="button" onClick={() => seek(position + 1)}>
          {m.stepForwardSecond}
        </button>
      </div>
    </section>
  );
}
