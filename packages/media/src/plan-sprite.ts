import { vttTimestamp } from '@folkemote/domain';

/** Seek-preview thumbnails: one image of tiles and a WebVTT file pointing into it. */
export interface SpritePlan {
  intervalSeconds: number;
  columns: number;
  rows: number;
  /** Number of tiles actually used. */
  count: number;
  thumbWidth: number;
  thumbHeight: number;
}

const THUMB_LONG_SIDE = 160;
const COLUMNS = 10;
const MAX_THUMBS = 150;
const MIN_INTERVAL_SECONDS = 2;

/**
 * One sprite sheet for the whole recording: a tile every 2 s for short recordings, fewer
 * for long ones so the sheet stays small (at most 150 tiles, about 0.5 MB).
 */
export function planSprite(durationSeconds: number, displayWidth: number, displayHeight: number): SpritePlan {
  const intervalSeconds = Math.max(MIN_INTERVAL_SECONDS, Math.ceil(durationSeconds / MAX_THUMBS));
  const count = Math.max(1, Math.ceil(durationSeconds / intervalSeconds));
  const columns = Math.min(COLUMNS, count);
  const rows = Math.ceil(count / columns);
  const landscape = displayWidth >= displayHeight;
  const scale = THUMB_LONG_SIDE / (landscape ? displayWidth : displayHeight);
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  return {
    intervalSeconds,
    columns,
    rows,
    count,
    thumbWidth: landscape ? THUMB_LONG_SIDE : even(displayWidth * scale),
    thumbHeight: landscape ? even(displayHeight * scale) : THUMB_LONG_SIDE,
  };
}

/** The ffmpeg filters that turn frames into the sheet: one frame per interval, scaled, tiled. */
export function spriteFilter(plan: SpritePlan): string {
  return [
    `fps=1/${plan.intervalSeconds}`,
    `scale=${plan.thumbWidth}:${plan.thumbHeight}:flags=bicubic`,
    'setsar=1',
    `tile=${plan.columns}x${plan.rows}`,
    'format=yuvj420p',
  ].join(',');
}

/** WebVTT cues, one per tile, each pointing at its tile with a `#xywh=` media fragment. */
export function buildSpriteVtt(plan: SpritePlan, durationSeconds: number, imageUrl: string): string {
  const lines = ['WEBVTT', ''];
  for (let i = 0; i < plan.count; i++) {
    const start = i * plan.intervalSeconds;
    if (start >= durationSeconds) break;
    const end = Math.min(durationSeconds, (i + 1) * plan.intervalSeconds);
    const x = (i % plan.columns) * plan.thumbWidth;
    const y = Math.floor(i / plan.columns) * plan.thumbHeight;
    lines.push(`${vttTimestamp(start)} --> ${vttTimestamp(end)}`);
    lines.push(`${imageUrl}#xywh=${x},${y},${plan.thumbWidth},${plan.thumbHeight}`);
    lines.push('');
  }
  return lines.join('\n');
}
