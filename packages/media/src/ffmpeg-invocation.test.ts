import { describe, expect, it } from 'vitest';
import { isProgressLine, parseProgressTime, toArgs } from './ffmpeg-invocation.ts';

describe('parseProgressTime', () => {
  it('reads out_time_us and the legacy out_time_ms (also microseconds)', () => {
    expect(parseProgressTime('out_time_us=12500000')).toBe(12.5);
    expect(parseProgressTime('out_time_ms=3000000')).toBe(3);
  });

  it('ignores other lines and the negative time ffmpeg reports before the first frame', () => {
    expect(parseProgressTime('out_time=00:00:12.500000')).toBeNull();
    expect(parseProgressTime('frame=10')).toBeNull();
    expect(parseProgressTime('out_time_us=-9223372036854775807')).toBeNull();
  });
});

describe('isProgressLine', () => {
  it('tells -progress blocks from diagnostics', () => {
    expect(isProgressLine('progress=continue')).toBe(true);
    expect(isProgressLine('stream_0_0_q=28.0')).toBe(true);
    expect(isProgressLine('[h264 @ 0x1] error while decoding MB 1 2')).toBe(false);
  });
});

describe('toArgs', () => {
  it('orders global options, inputs with their options, the graph and outputs', () => {
    expect(
      toArgs({
        globalOptions: ['-nostdin'],
        inputs: [{ path: 'a.mp4', options: ['-ss', '3'] }],
        filterComplex: '[0:0]null[v]',
        outputs: [{ path: 'out.mp4', options: ['-map', '[v]'] }],
      }),
    ).toEqual([
      '-nostdin',
      '-ss',
      '3',
      '-i',
      'a.mp4',
      '-filter_complex',
      '[0:0]null[v]',
      '-map',
      '[v]',
      'out.mp4',
    ]);
  });
});
