import { describeAsText, renderDescription } from '@folkemote/description';
import { textToHtmlParagraphs } from './escape.ts';
import { translate } from './messages.ts';
import { describeReplay, type ReplayView } from './replay-view.ts';
import type { ReplayInput } from './types.ts';

/** What both feeds say about one replay. */
export interface FeedItem {
  view: ReplayView;
  input: ReplayInput;
  /** The event description as plain text (its Markdown read), or a one-line fallback. */
  text: string;
  /** The description as safe HTML (the shared renderer), or the fallback as a paragraph. */
  html: string;
}

export function describeFeedItem(input: ReplayInput): FeedItem {
  const view = describeReplay(input);
  const description = input.event?.description.trim() ?? '';
  const text = description
    ? describeAsText(description)
    : translate(view.locale, 'descriptionFallback', { title: input.recording.title });
  return {
    view,
    input,
    text,
    html: description ? renderDescription(description) : textToHtmlParagraphs(text),
  };
}

/** The feed's own date: its newest item, so re-rendering unchanged input gives the same bytes. */
export function newestPublishedAt(items: ReplayInput[]): string | null {
  let newest: string | null = null;
  for (const item of items) {
    if (newest === null || Date.parse(item.recording.publishedAt) > Date.parse(newest))
      newest = item.recording.publishedAt;
  }
  return newest;
}
