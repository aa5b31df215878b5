import { describe, expect, it } from 'vitest';
import { AudioMix } from './audio-mix.ts';

const mono = (prebufferFrames = 2, maxBufferedFrames = 8) =>
  new AudioMix({ channels: 1, prebufferFrames, maxBufferedFrames });

describe('AudioMix', () => {
  it('writes silence while no track is heard', () => {
    const mix = mono();
    expect([...mix.take(3)]).toEqual([0, 0, 0]);
    mix.add('a');
    expect([...mix.take(2)]).toEqual([0, 0]);
  });

  it('sums the tracks sample by sample, and clips the sum', () => {
    const mix = mono(1);
    mix.add('a');
    mix.add('b');
    mix.push('a', Int16Array.of(100, 30_000, -30_000));
    mix.push('b', Int16Array.of(5, 30_000, -30_000));
    expect([...mix.take(3)]).toEqual([105, 32_767, -32_768]);
  });

  it('holds a track back until it has its prebuffer, and fills a gap with silence', () => {
    const mix = mono(3);
    mix.add('a');
    mix.push('a', Int16Array.of(1, 2));
    expect([...mix.take(2)]).toEqual([0, 0]);
    mix.push('a', Int16Array.of(3));
    expect([...mix.take(2)]).toEqual([1, 2]);
    expect([...mix.take(2)]).toEqual([3, 0]);
    // Dry: it waits for its prebuffer again.
    mix.push('a', Int16Array.of(4, 5));
    expect([...mix.take(1)]).toEqual([0]);
  });

  it('reads across the chunks a track was given in', () => {
    const mix = mono(1);
    mix.add('a');
    mix.push('a', Int16Array.of(1, 2));
    mix.push('a', Int16Array.of(3, 4, 5));
    expect([...mix.take(4)]).toEqual([1, 2, 3, 4]);
    expect([...mix.take(1)]).toEqual([5]);
  });

  it('drops the oldest samples of a track that falls too far behind', () => {
    const mix = mono(2, 4);
    mix.add('a');
    mix.push('a', Int16Array.of(1, 2, 3));
    mix.push('a', Int16Array.of(4, 5));
    expect([...mix.take(3)]).toEqual([4, 5, 0]);
  });

  it('keeps the channels interleaved', () => {
    const mix = new AudioMix({ channels: 2, prebufferFrames: 1, maxBufferedFrames: 10 });
    mix.add('a');
    mix.push('a', Int16Array.of(1, -1, 2, -2));
    expect([...mix.take(3)]).toEqual([1, -1, 2, -2, 0, 0]);
  });

  it('forgets a removed track and ignores samples of one never added', () => {
    const mix = mono(1);
    mix.add('a');
    mix.push('a', Int16Array.of(7));
    mix.remove('a');
    mix.push('b', Int16Array.of(9));
    expect([...mix.take(1)]).toEqual([0]);
  });
});
