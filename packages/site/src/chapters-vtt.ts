import { escapeVttText, vttTimestamp } from '@folkemote/domain';

/** One chapter as the replay page and its chapter track show it. */
export interface ReplayChapter {
  startSeconds: number;
  endSeconds: number;
  title: string;
}

/**
 * A WebVTT chapter track. Cue text is text, never markup: `&`, `<` and `>` are
 * escaped (so a question cannot open a tag or fake a `-->` timing line), and
 * line breaks, which would end the cue, become spaces.
 */
export function renderChaptersVtt(chapters: readonly ReplayChapter[]): string {
  const cues = chapters.map((chapter, i) => {
    const text = escapeVttText(chapter.title.replace(/\s+/g, ' ').trim());
    return `chapter-${i + 1}\n${vttTimestamp(chapter.startSeconds)} --> ${vttTimestamp(chapter.endSeconds)}\n${text}`;
  });
  return `WEBVTT\n\n${cues.join('\n\n')}${cues.length > 0 ? '\n' : ''}`;
}
