import { vttTimestamp } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { renderChaptersVtt } from './chapters-vtt.ts';

describe('renderChaptersVtt', () => {
  it('writes one cue per chapter with WebVTT timings', () => {
    expect(
      renderChaptersVtt([
        { startSeconds: 90.5, endSeconds: 600, title: 'Hva koster det? – Kari Nordmann' },
        { startSeconds: 600, endSeconds: 3723.25, title: 'Når starter byggingen?' },
      ]),
    ).toBe(
      'WEBVTT\n\nchapter-1\n00:01:30.500 --> 00:10:00.000\nHva koster det? – Kari Nordmann\n\n' +
        'chapter-2\n00:10:00.000 --> 01:02:03.250\nNår starter byggingen?\n',
    );
    expect(vttTimestamp(0)).toBe('00:00:00.000');
  });

  it('keeps markup, timing arrows and blank lines in a question as plain text', () => {
    const vtt = renderChaptersVtt([
      {
        startSeconds: 1,
        endSeconds: 2,
        title: '<script>alert(1)</script> &amp;\n\n00:00:05.000 --> 00:00:09.000 <b>x</b>',
      },
    ]);
    const cueText = vtt.split('\n').at(-2)!;
    expect(cueText).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; 00:00:05.000 --&gt; 00:00:09.000 &lt;b&gt;x&lt;/b&gt;',
    );
    expect(vtt.match(/-->/g)).toHaveLength(1);
  });
});
