import { escapeHtml } from './escape.ts';
import { type LiveInput, parseLiveInput } from './live-input.ts';
import { translateLive } from './live-messages.ts';
import { describeLive, type LiveView } from './live-view.ts';
import type { OembedVideo } from './oembed.ts';
import type { OembedOptions } from './types.ts';
import { siteUrls } from './urls.ts';

const defaultSize = { width: 640, height: 360 };

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}

/** 640×360 (the broadcast is 16:9), shrunk to fit the consumer's maxwidth and maxheight. */
export function fitLiveEmbedSize(options: OembedOptions = {}): { width: number; height: number } {
  const ratio = defaultSize.height / defaultSize.width;
  let width = Math.min(defaultSize.width, positive(options.maxwidth) ?? defaultSize.width);
  let height = Math.round(width * ratio);
  const maxheight = positive(options.maxheight);
  if (maxheight !== undefined && height > maxheight) {
    height = maxheight;
    width = Math.round(height / ratio);
  }
  return { width, height };
}

/** The iframe a county's website pastes in: the live embed, named for screen readers. */
export function renderLiveEmbedSnippet(view: LiveView, size: { width: number; height: number }): string {
  const title = translateLive(view.locale, 'livePlayerTitle', { title: view.title });
  return `<iframe src="${escapeHtml(view.embedUrl)}" width="${size.width}" height="${size.height}" title="${escapeHtml(
    title,
  )}" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen loading="lazy" style="border:0;max-width:100%"></iframe>`;
}

/** oEmbed 1.0 `video` for the live page; the worker stores it as `replays/<id>/oembed.json`. */
export function renderLiveOembed(input: LiveInput, options: OembedOptions = {}): OembedVideo {
  parseLiveInput(input);
  const view = describeLive(input);
  const size = fitLiveEmbedSize(options);
  return {
    version: '1.0',
    type: 'video',
    title: view.title,
    provider_name: view.siteName,
    provider_url: siteUrls.archive(input.baseUrl),
    author_name: input.event.organisation.name,
    html: renderLiveEmbedSnippet(view, size),
    width: size.width,
    height: size.height,
  };
}
