import { useEffect, useState } from 'react';

/** One thumbnail of the seek sprite: from `start` to `end` it shows this part of the image. */
export interface SpriteCue {
  start: number;
  end: number;
  image: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const toSeconds = (t: string) => {
  const parts = t.split(':').map(Number);
  return parts.reduce((sum, p) => sum * 60 + p, 0);
};

/** The sprite's WebVTT index: each cue names sprite.jpg#xywh=x,y,w,h, relative to the index. */
export function parseSpriteVtt(text: string, base: string): SpriteCue[] {
  const cues: SpriteCue[] = [];
  const blocks = text.replace(/\r/g, '').split(/\n\n+/);
  for (const block of blocks) {
    const lines = block.split('\n');
    const timing = lines.findIndex((l) => l.includes('-->'));
    const target = lines[timing + 1];
    if (timing < 0 || !target) continue;
    const [from, to] = lines[timing]!.split('-->').map((s) => s.trim().split(' ')[0]!);
    const match = /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(target.trim());
    if (!match || !from || !to) continue;
    cues.push({
      start: toSeconds(from),
      end: toSeconds(to),
      image: new URL(match[1]!, base).toString(),
      x: Number(match[2]),
      y: Number(match[3]),
      w: Number(match[4]),
      h: Number(match[5]),
    });
  }
  return cues;
}

/** The current version's seek sprite, loaded once; empty while loading or without one. */
export function useSprite(url: string | null): SpriteCue[] {
  const [cues, setCues] = useState<SpriteCue[]>([]);
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    fetch(url, { signal: controller.signal })
      .then((r) => (r.ok ? r.text() : ''))
      .then((text) => setCues(parseSpriteVtt(text, new URL(url, window.location.href).toString())))
      .catch(() => setCues([]));
    return () => controller.abort();
  }, [url]);
  return cues;
}

export function spriteCueAt(cues: readonly SpriteCue[], t: number): SpriteCue | null {
  return cues.find((c) => t >= c.start && t < c.end) ?? cues.at(-1) ?? null;
}
