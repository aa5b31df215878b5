import { describe, expect, it } from 'vitest';
import { buildSpriteVtt, planSprite, spriteFilter } from './plan-sprite.ts';

describe('planSprite', () => {
  it('takes a tile every 2 s of a short recording, ten to a row', () => {
    expect(planSprite(120, 1920, 1080)).toEqual({
      intervalSeconds: 2,
      columns: 10,
      rows: 6,
      count: 60,
      thumbWidth: 160,
      thumbHeight: 90,
    });
  });

  it('spaces tiles out for long recordings so the sheet stays small', () => {
    const plan = planSprite(3600, 1920, 1080);
    expect(plan.intervalSeconds).toBe(24);
    expect(plan.count).toBeLessThanOrEqual(150);
  });

  it('keeps portrait tiles upright and sides even', () => {
    expect(planSprite(10, 360, 640)).toMatchObject({ thumbWidth: 90, thumbHeight: 160, columns: 5, rows: 1 });
    expect(planSprite(10, 853, 481).thumbHeight % 2).toBe(0);
  });

  it('makes one tile for a 1-second clip', () => {
    expect(planSprite(1, 640, 360)).toMatchObject({ count: 1, columns: 1, rows: 1 });
  });
});

describe('buildSpriteVtt', () => {
  it('points each interval at its tile with #xywh', () => {
    const plan = { intervalSeconds: 2, columns: 2, rows: 2, count: 3, thumbWidth: 160, thumbHeight: 90 };
    expect(buildSpriteVtt(plan, 5, 'sprite.jpg')).toBe(
      [
        'WEBVTT',
        '',
        '00:00:00.000 --> 00:00:02.000',
        'sprite.jpg#xywh=0,0,160,90',
        '',
        '00:00:02.000 --> 00:00:04.000',
        'sprite.jpg#xywh=160,0,160,90',
        '',
        '00:00:04.000 --> 00:00:05.000',
        'sprite.jpg#xywh=0,90,160,90',
        '',
      ].join('\n'),
    );
  });
});

describe('spriteFilter', () => {
  it('picks one frame per interval before scaling, then tiles', () => {
    const filter = spriteFilter(planSprite(120, 1920, 1080));
    expect(filter.indexOf('fps=1/2')).toBeLessThan(filter.indexOf('scale='));
    expect(filter).toContain('tile=10x6');
  });
});
