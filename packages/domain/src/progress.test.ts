import { describe, expect, it } from 'vitest';
import { computeProgress, isProgressStalled } from './progress.ts';

describe('computeProgress', () => {
  it('gives percent and an ETA from the rate so far', () => {
    expect(computeProgress('transcoding', 30, 120, 10_000)).toEqual({
      stage: 'transcoding',
      percent: 25,
      etaSeconds: 30,
    });
  });

  it('keeps the ETA unknown at the very start and for an unknown total', () => {
    expect(computeProgress('transcoding', 0, 120, 100).etaSeconds).toBeNull();
    expect(computeProgress('transcoding', 5, 0, 5000)).toEqual({
      stage: 'transcoding',
      percent: 0,
      etaSeconds: null,
    });
  });

  it('clamps a position past the end to 100 %', () => {
    expect(computeProgress('remuxing', 130, 120, 4000)).toMatchObject({ percent: 100, etaSeconds: 0 });
  });
});

describe('isProgressStalled', () => {
  const at = new Date('2026-12-07T10:00:00Z');
  const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
  const transcoding = { stage: 'transcoding', percent: 4, etaSeconds: 20 } as const;

  it('calls progress that has not moved for ten minutes of a transcode stalled', () => {
    expect(isProgressStalled('processing', transcoding, at, later(9))).toBe(false);
    expect(isProgressStalled('processing', transcoding, at, later(11))).toBe(true);
    expect(isProgressStalled('quick_published', transcoding, at, later(60 * 24))).toBe(true);
  });

  it('gives the stages that report only when they begin longer', () => {
    const probing = { stage: 'probing', percent: 0, etaSeconds: null } as const;
    expect(isProgressStalled('processing', probing, at, later(20))).toBe(false);
    expect(isProgressStalled('processing', probing, at, later(31))).toBe(true);
  });

  it('never calls waiting in the queue, a finished stage or a finished recording stalled', () => {
    const queued = { stage: 'queued', percent: 0, etaSeconds: null } as const;
    expect(isProgressStalled('uploaded', queued, at, later(600))).toBe(false);
    expect(isProgressStalled('published', transcoding, at, later(600))).toBe(false);
    expect(isProgressStalled('failed', transcoding, at, later(600))).toBe(false);
    expect(isProgressStalled('processing', null, at, later(600))).toBe(false);
  });
});
