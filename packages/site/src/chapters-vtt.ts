/** One chapter as the replay page and its chapter track show it. */
export interface ReplayChapter {
  startSeconds: number;
  endSeconds: number;
  title: string;
}

/** `hh:mm:ss.ttt`, the cue timing WebVTT requires. */
export function vttTimestamp(totalSeconds: number): string {
  const ms = Math.max(0, Math.round(totalSeconds * 1000));
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(ms % 1000, 3)}`;
}

/**
 * A WebVTT chapter track. Cue text is text, never markup: `&`, `<` and `>` are
 * escaped (so a question cannot open a tag or fake a `-->` timing line), and
 * line breaks, which would end the cue, become spaces.
 */
export function renderChaptersVtt(chapters: readonly ReplayChapter[]): string {
  const cues = chapters.map((chapter, i) => {
    const text = chapter.title
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;');
    return `chapter-${i + 1}\n${vttTimestamp(chapter.startSeconds)} --> ${vttTimestamp(chapter.endSeconds)}\n${text}`;
  });
  return `WEBVTT\n\n${cues.join('\n\n')}${cues.length > 0 ? '\n' : ''}`;
}
