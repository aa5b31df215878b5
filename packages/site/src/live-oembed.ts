import type { Locale } from '@folkemote/domain';
import { type LiveInput, parseLiveInput } from './live-input.ts';
import { translateLive } from './live-messages.ts';
import { describeLive } from './live-view.ts';
import type { OembedVideo } from './oembed.ts';
import { type EmbedSize, fitVideoToBox, renderIframeSnippet } from './page-parts.ts';
import type { OembedOptions } from './types.ts';
import { siteUrls } from './urls.ts';

/** The broadcast is 16:9. */
const broadcastRatio = 9 / 16;

export function fitLiveEmbedSize(options: OembedOptions = {}): EmbedSize {
  return fitVideoToBox(broadcastRatio, options);
}

/**
 * The iframe of a broadcast's embed, named for screen readers in the event's language. The live
 * embed may start playing by itself, so its iframe allows autoplay too.
 */
export function renderLiveEmbedCode(
  embed: { embedUrl: string; title: string; locale: Locale },
  size: EmbedSize = fitLiveEmbedSize(),
): string {
  return renderIframeSnippet({
    url: embed.embedUrl,
    title: translateLive(embed.locale, 'livePlayerTitle', { title: embed.title }),
    size,
    allow: 'autoplay; fullscreen; picture-in-picture',
  });
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
    html: renderLiveEmbedCode(view, size),
    width: size.width,
    height: size.height,
  };
}
