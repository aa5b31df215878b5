import { describe, expect, it } from 'vitest';
import { escapeVttText, vttTimestamp } from './webvtt.ts';

describe('vttTimestamp', () => {
  it('formats hours, minutes, seconds and milliseconds', () => {
    expect(vttTimestamp(3723.5)).toBe('01:02:03.500');
    expect(vttTimestamp(0)).toBe('00:00:00.000');
    expect(vttTimestamp(0.001)).toBe('00:00:00.001');
  });
});

describe('escapeVttText', () => {
  it('leaves no tag and no timing arrow in cue text', () => {
    expect(escapeVttText('<b>x</b> & 00:00:05.000 --> 00:00:09.000')).toBe(
      '&lt;b&gt;x&lt;/b&gt; &amp; 00:00:05.000 --&gt; 00:00:09.000',
    );
  });
});
