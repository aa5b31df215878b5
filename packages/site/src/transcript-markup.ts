import { escapeHtml } from './escape.ts';
import { formatClock, formatIsoDuration } from './format.ts';
import { translate } from './messages.ts';
import type { ReplayView } from './replay-view.ts';
import type { TranscriptInput } from './types.ts';

/** A cue's start as the page writes it in links and data attributes: seconds, to the millisecond. */
export function cueStart(seconds: number): number {
  return Math.floor(seconds * 1000) / 1000;
}

/**
 * The transcript: the approved captions as a list of lines, in the page itself, so it is there
 * without the script (the recording's text alternative, and what prints). Each line is a link:
 * without the script, to the download at that moment (a media fragment), or to the player while
 * there is no download; transcript.js makes it a jump in the page's player, and marks the line
 * being spoken with aria-current as the recording plays.
 */
export function renderTranscript(view: ReplayView, transcript: TranscriptInput | null | undefined): string {
  if (!transcript || transcript.cues.length === 0) return '';
  const { locale } = view;
  const language = transcript.language !== locale ? ` lang="${escapeHtml(transcript.language)}"` : '';
  const lines = transcript.cues.map((cue) => {
    const start = cueStart(cue.startSeconds);
    const end = Math.max(start, cueStart(cue.endSeconds));
    const href = view.downloadUrl ? `${view.downloadUrl}#t=${start}` : '#player';
    const text = cue.text.replace(/\s+/g, ' ').trim();
    return `    <li><a class="transcript__line" href="${escapeHtml(href)}" data-cue-start="${start}" data-cue-end="${end}"><time datetime="${formatIsoDuration(
      Math.floor(start),
    )}">${escapeHtml(formatClock(Math.floor(start)))}</time> <span${language}>${escapeHtml(text)}</span></a></li>`;
  });
  return `<section class="card transcript" id="transcript" aria-labelledby="transcript-heading" data-transcript>
  <h2 id="transcript-heading">${escapeHtml(translate(locale, 'transcriptHeading'))}</h2>
  <p id="transcript-intro" class="transcript__intro">${escapeHtml(translate(locale, 'transcriptIntro'))}</p>
  <ol class="transcript__list" aria-labelledby="transcript-heading" aria-describedby="transcript-intro">
${lines.join('\n')}
  </ol>
</section>`;
}
