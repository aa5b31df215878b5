import { escapeVttText, vttTimestamp } from './webvtt.ts';

/**
 * Captions as organisers bring them: WebVTT or SubRip (.srt) from a captioning service or a
 * subtitle editor. They are parsed into plain cues and written back as clean WebVTT, so what
 * reaches the public site is text only — no markup, no styles, no scripts.
 */

export const captionLanguages = ['nb', 'nn', 'en', 'se'] as const;
export type CaptionLanguage = (typeof captionLanguages)[number];

/** Each language's name in itself, as a player's caption menu shows it. */
export const captionLabels: Record<CaptionLanguage, string> = {
  nb: 'Norsk (bokmål)',
  nn: 'Norsk (nynorsk)',
  en: 'English',
  se: 'Davvisámegiella',
};

/** Norwegian practice: a live recording left online must be captioned, as a rule within 14 days. */
export const CAPTION_DEADLINE_DAYS = 14;

export function captionsDueBy(publishedAt: string): string {
  return new Date(new Date(publishedAt).getTime() + CAPTION_DEADLINE_DAYS * 86_400_000).toISOString();
}

export const MAX_CAPTION_BYTES = 2 * 1024 * 1024;
export const MAX_CUES = 50_000;
export const MAX_CUE_CHARS = 1_000;

export interface CaptionCue {
  startMs: number;
  endMs: number;
  text: string;
}

/**
 * What is wrong with a caption file, as a code and its numbers, so that every interface can say it
 * in its own language ("linje 12: tidspunktet er ikke gyldig"); the message stays English for logs
 * and API clients.
 */
export type CaptionsProblem =
  | { code: 'too_large'; megabytes: number }
  | { code: 'not_utf8' }
  | { code: 'not_captions' }
  | { code: 'bad_timing_line'; line: number }
  | { code: 'time_out_of_range'; line: number }
  | { code: 'ends_before_start'; line: number }
  | { code: 'cue_too_long'; line: number; limit: number }
  | { code: 'too_many_cues'; limit: number }
  | { code: 'no_captions' };

export class CaptionsError extends Error {
  constructor(
    message: string,
    readonly problem: CaptionsProblem,
  ) {
    super(message);
    this.name = 'CaptionsError';
  }
}

const tooLarge = () =>
  new CaptionsError(`The file is larger than ${MAX_CAPTION_BYTES / 1024 / 1024} MB`, {
    code: 'too_large',
    megabytes: MAX_CAPTION_BYTES / 1024 / 1024,
  });

const timing = /^((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})(?:\s+.*)?$/;

function parseTime(value: string): number {
  const parts = value.replace(',', '.').split(':');
  const seconds = Number(parts.pop());
  const minutes = Number(parts.pop());
  const hours = Number(parts.pop() ?? 0);
  if (minutes > 59 || seconds >= 60) return Number.NaN;
  return Math.round(((hours * 60 + minutes) * 60 + seconds) * 1000);
}

/** Text only: tags (<i>, <v Name>, <font>, <script>…) go, entities are read, whitespace is tidied. */
function cleanCueText(lines: string[]): string {
  return lines
    .map((line) =>
      line
        .replace(/<[^>]*>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&nbsp;/g, ' ')
        .replace(/&amp;/g, '&')
        .split('')
        .filter((c) => c === '\t' || (c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f))
        .join('')
        .trim(),
    )
    .filter(Boolean)
    .join('\n');
}

/**
 * The text of a caption file as it was sent. WebVTT is UTF-8 by definition, and a SubRip file
 * in another encoding (Latin-1, UTF-16 from a Windows editor) would come out as wrong letters,
 * so anything that is not valid UTF-8 is refused rather than guessed at.
 */
export function decodeCaptions(bytes: Uint8Array): string {
  if (bytes.length > MAX_CAPTION_BYTES) throw tooLarge();
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CaptionsError('The file is not UTF-8 text: save it as UTF-8 and upload it again', {
      code: 'not_utf8',
    });
  }
}

/**
 * Reads WebVTT or SubRip. A file that is neither, or has a broken timing line,
 * is refused with the line number and what is wrong, so the organiser can fix it.
 */
export function parseCaptions(input: string): CaptionCue[] {
  if (new TextEncoder().encode(input).length > MAX_CAPTION_BYTES) throw tooLarge();
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const isVtt = /^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '');
  const cues: CaptionCue[] = [];
  let i = isVtt ? 1 : 0;
  let sawTiming = false;
  while (i < lines.length) {
    const line = lines[i]!.trim();
    if (line === '') {
      i += 1;
      continue;
    }
    if (isVtt && /^(NOTE|STYLE|REGION)(\s|$)/.test(line)) {
      while (i < lines.length && lines[i]!.trim() !== '') i += 1;
      continue;
    }
    // A cue identifier (VTT) or sequence number (SRT) may stand before the timing line.
    let timingIndex = i;
    if (!line.includes('-->')) timingIndex = i + 1;
    const timingLine = (lines[timingIndex] ?? '').trim();
    const match = timing.exec(timingLine);
    if (!match) {
      if (!sawTiming && !isVtt)
        throw new CaptionsError(
          'The file is not WebVTT or SubRip (.srt): no caption timing found at its start',
          { code: 'not_captions' },
        );
      // Point at the block's first line unless the line after an identifier is a broken timing.
      const at = timingLine.includes('-->') ? timingIndex : i;
      throw new CaptionsError(`Line ${at + 1}: expected a timing line like "00:00:01.000 --> 00:00:04.000"`, {
        code: 'bad_timing_line',
        line: at + 1,
      });
    }
    sawTiming = true;
    const startMs = parseTime(match[1]!);
    const endMs = parseTime(match[2]!);
    if (Number.isNaN(startMs) || Number.isNaN(endMs))
      throw new CaptionsError(`Line ${timingIndex + 1}: a time is out of range`, {
        code: 'time_out_of_range',
        line: timingIndex + 1,
      });
    if (endMs <= startMs)
      throw new CaptionsError(`Line ${timingIndex + 1}: the cue ends before it starts`, {
        code: 'ends_before_start',
        line: timingIndex + 1,
      });
    i = timingIndex + 1;
    const textLines: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') textLines.push(lines[i++]!);
    const text = cleanCueText(textLines);
    if (text.length > MAX_CUE_CHARS)
      throw new CaptionsError(`Line ${timingIndex + 1}: a cue has more than ${MAX_CUE_CHARS} characters`, {
        code: 'cue_too_long',
        line: timingIndex + 1,
        limit: MAX_CUE_CHARS,
      });
    if (text) cues.push({ startMs, endMs, text });
    if (cues.length > MAX_CUES)
      throw new CaptionsError(`The file has more than ${MAX_CUES} cues`, {
        code: 'too_many_cues',
        limit: MAX_CUES,
      });
  }
  if (cues.length === 0) throw new CaptionsError('The file has no captions in it', { code: 'no_captions' });
  return cues.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}

/** Clean WebVTT: cue text escaped, so no markup can come through. */
export function toWebVtt(cues: CaptionCue[]): string {
  const body = cues.map(
    (cue) =>
      `${vttTimestamp(cue.startMs / 1000)} --> ${vttTimestamp(cue.endMs / 1000)}\n${escapeVttText(cue.text)}`,
  );
  return `WEBVTT\n\n${body.join('\n\n')}\n`;
}
