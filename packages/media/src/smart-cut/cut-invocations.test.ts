import { describe, expect, it } from 'vitest';
import { toArgs } from '../ffmpeg-invocation.ts';
import { concatList, joinInvocation } from './cut-invocations.ts';

describe('joining the trimmed pieces', () => {
  it('lists only relative names of its own pieces, each with its exact length', () => {
    expect(
      concatList([
        { name: 'enc-0000.ts', seconds: 0.6667 },
        { name: 'copy-00001.ts', seconds: 4 },
      ]),
    ).toBe(
      'ffconcat version 1.0\nfile enc-0000.ts\nduration 0.666700\nfile copy-00001.ts\nduration 4.000000\n',
    );
  });

  it('reads the list with safe names, the file protocol and MPEG-TS pieces only', () => {
    const args = toArgs(
      joinInvocation(
        '/work/r/pieces.ffconcat',
        { path: '/work/r/audio.flac', demuxer: 'flac' },
        '/work/r/trimmed.mkv',
      ),
    );
    const list = args.indexOf('file:/work/r/pieces.ffconcat');
    expect(args.slice(list - 9, list + 1)).toEqual(
      [
        '-f',
        'concat',
        '-safe',
        '1',
        '-protocol_whitelist',
        'file',
        '-format_whitelist',
        'concat,mpegts',
        '-i',
        'file:/work/r/pieces.ffconcat',
      ].slice(-11),
    );
    expect(args).toContain('file:/work/r/audio.flac');
    expect(args.at(-1)).toBe('/work/r/trimmed.mkv');
  });
});
