import { describe, expect, it } from 'vitest';
import { inputArgs, isProgressLine, parseProgressTime, toArgs } from './ffmpeg-invocation.ts';

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
        inputs: [{ path: 'a.mp4', demuxer: 'mov', options: ['-ss', '3'] }],
        filterComplex: '[0:0]null[v]',
        outputs: [{ path: 'out.mp4', options: ['-map', '[v]'] }],
      }),
    ).toEqual([
      '-nostdin',
      '-f',
      'mov',
      '-format_whitelist',
      'mov',
      '-protocol_whitelist',
      'file',
      '-ss',
      '3',
      '-i',
      'file:a.mp4',
      '-filter_complex',
      '[0:0]null[v]',
      '-map',
      '[v]',
      'out.mp4',
    ]);
  });
});

describe('inputArgs', () => {
  it('opens a file with its demuxer forced, through the file protocol only, whatever its name', () => {
    expect(
      inputArgs({ path: '/work/subfile,,start,0,end,0,,:x%d.mp4', demuxer: 'mpegts', options: [] }),
    ).toEqual({
      options: ['-f', 'mpegts', '-format_whitelist', 'mpegts', '-protocol_whitelist', 'file'],
      source: 'file:/work/subfile,,start,0,end,0,,:x%d.mp4',
    });
  });

  it('makes a generated picture from our own filter graph', () => {
    expect(inputArgs({ lavfi: 'color=c=black:d=1', options: ['-r', '1'] })).toEqual({
      options: ['-f', 'lavfi', '-r', '1'],
      source: 'color=c=black:d=1',
    });
  });
});
