import { describe, expect, it } from 'vitest';
import { parseSpriteVtt, spriteCueAt } from './use-sprite.ts';

describe('the seek sprite index', () => {
  it('reads each thumbnail with its place in the image, relative to the index', () => {
    const cues = parseSpriteVtt(
      'WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nsprite.jpg#xywh=0,0,160,90\n\n00:00:05.000 --> 00:00:10.000\nsprite.jpg#xywh=160,0,160,90\n',
      'https://opptak.example.no/replays/r/v/x/sprite.vtt',
    );
    expect(cues).toHaveLength(2);
    expect(cues[1]).toEqual({
      start: 5,
      end: 10,
      image: 'https://opptak.example.no/replays/r/v/x/sprite.jpg',
      x: 160,
      y: 0,
      w: 160,
      h: 90,
    });
    expect(spriteCueAt(cues, 7)?.x).toBe(160);
  });
});
