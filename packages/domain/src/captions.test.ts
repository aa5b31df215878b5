import { describe, expect, it } from 'vitest';
import { CaptionsError, decodeCaptions, parseCaptions, toWebVtt } from './captions.ts';

describe('parseCaptions', () => {
  it('reads SubRip with comma decimals and sequence numbers', () => {
    const srt =
      '1\r\n00:00:01,000 --> 00:00:03,500\r\nVelkommen til webinaret.\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,000\r\nFørste lysbilde\r\nandre linje\r\n';
    expect(parseCaptions(srt)).toEqual([
      { startMs: 1000, endMs: 3500, text: 'Velkommen til webinaret.' },
      { startMs: 4000, endMs: 6000, text: 'Første lysbilde\nandre linje' },
    ]);
  });

  it('reads WebVTT with a BOM, header text, identifiers, notes, settings and hours', () => {
    const vtt =
      '\uFEFFWEBVTT - Sømna\n\nNOTE laget av tekster\nflere linjer\n\nintro\n00:01.000 --> 00:02.000 line:0 align:start\n<v Kari>Hei &amp; velkommen</v>\n\n01:00:00.000 --> 01:00:01.250\nSlutt\n';
    expect(parseCaptions(vtt)).toEqual([
      { startMs: 1000, endMs: 2000, text: 'Hei & velkommen' },
      { startMs: 3_600_000, endMs: 3_601_250, text: 'Slutt' },
    ]);
  });

  it('strips every tag, so markup in a caption file reaches nobody', () => {
    const cues = parseCaptions(
      'WEBVTT\n\n00:00.000 --> 00:01.000\n<script>alert(1)</script><img src=x onerror=alert(2)>tekst\n',
    );
    expect(cues[0]!.text).toBe('alert(1)tekst');
  });

  it('refuses what is not captions, and broken timings, with the line', () => {
    expect(() => parseCaptions('hello world')).toThrow(/not WebVTT or SubRip/);
    expect(() => parseCaptions('WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nbakvendt\n')).toThrow(
      /Line 3: the cue ends before it starts/,
    );
    expect(() => parseCaptions('WEBVTT\n\n00:00:05.000 -> 00:00:06.000\nx\n')).toThrow(
      /Line 3: expected a timing line/,
    );
    expect(() => parseCaptions('WEBVTT\n\n00:61.000 --> 00:62.000\nx\n')).toThrow(/out of range/);
    expect(() => parseCaptions('WEBVTT\n')).toThrow(CaptionsError);
  });
});

describe('toWebVtt', () => {
  it('writes cues back with escaped text that parses to the same cues', () => {
    const cues = [
      { startMs: 0, endMs: 1500, text: 'A < B & "C"' },
      { startMs: 3_723_004, endMs: 3_724_000, text: 'pil --> her' },
    ];
    const vtt = toWebVtt(cues);
    expect(vtt).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nA &lt; B &amp; "C"\n\n01:02:03.004 --> 01:02:04.000\npil --&gt; her\n',
    );
    expect(parseCaptions(vtt)).toEqual(cues);
  });
});

describe('decodeCaptions', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeCaptions(Buffer.from('WEBVTT\n\nBlåbær'))).toBe('WEBVTT\n\nBlåbær');
    expect(decodeCaptions(Buffer.from('\ufeffWEBVTT'))).toBe('WEBVTT');
  });

  it('refuses any other encoding instead of guessing at it', () => {
    const refusals = [
      Buffer.from('Blåbær', 'latin1'),
      Buffer.from('\ufeffWEBVTT', 'utf16le'),
      Buffer.from([0xc0, 0xaf]),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from([0xf0, 0x9f, 0x98]),
    ];
    for (const bytes of refusals)
      expect(() => decodeCaptions(bytes)).toThrow(
        new CaptionsError('The file is not UTF-8 text: save it as UTF-8 and upload it again', {
          code: 'not_utf8',
        }),
      );
  });
});

describe('the problem a refused caption file carries', () => {
  function problemOf(text: string): unknown {
    try {
      parseCaptions(text);
    } catch (err) {
      if (err instanceof CaptionsError) return err.problem;
    }
    return null;
  }

  it('names the code and the line, for every interface to say in its own language', () => {
    expect(problemOf('hello world')).toEqual({ code: 'not_captions' });
    expect(
      problemOf('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nja\n\n00:00:05.000 -> 00:00:06.000\nx\n'),
    ).toEqual({
      code: 'bad_timing_line',
      line: 6,
    });
    expect(problemOf('WEBVTT\n\n00:61.000 --> 00:62.000\nx\n')).toEqual({
      code: 'time_out_of_range',
      line: 3,
    });
    expect(problemOf('WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nx\n')).toEqual({
      code: 'ends_before_start',
      line: 3,
    });
    expect(problemOf('WEBVTT\n')).toEqual({ code: 'no_captions' });
  });
});
