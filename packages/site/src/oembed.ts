import { translate } from './messages.ts';
import { type EmbedSize, embedLimits, fitVideoToBox, renderIframeSnippet } from './page-parts.ts';
import { describeReplay, type ReplayView } from './replay-view.ts';
import { type OembedOptions, parseReplayInput, type ReplayInput } from './types.ts';
import { siteUrls } from './urls.ts';

const defaultWidth = 640;
/** The audio-only embed shows a label and a control bar, nothing taller. */
const audioEmbedHeight = 140;

export interface OembedVideo {
  version: '1.0';
  type: 'video';
  title: string;
  provider_name: string;
  provider_url: string;
  author_name?: string;
  html: string;
  width: number;
  height: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

/** The iframe size: the video's aspect ratio, or a label and a control bar for sound alone. */
export function fitEmbedSize(view: ReplayView, options: OembedOptions = {}): EmbedSize {
  if (view.usesVideoElement) return fitVideoToBox(view.height / view.width, options);
  const { maxwidth, maxheight } = embedLimits(options);
  return {
    width: Math.min(defaultWidth, maxwidth ?? defaultWidth),
    height: Math.min(audioEmbedHeight, maxheight ?? audioEmbedHeight),
  };
}

export function renderEmbedSnippet(view: ReplayView, size: EmbedSize): string {
  const title = translate(view.locale, 'playerTitle', { title: view.title });
  return renderIframeSnippet({ url: view.embedUrl, title, size, allow: 'fullscreen; picture-in-picture' });
}

/** oEmbed 1.0 `video` response; the worker stores it as `replays/<id>/oembed.json`. */
export function renderOembed(input: ReplayInput, options: OembedOptions = {}): OembedVideo {
  parseReplayInput(input);
  const view = describeReplay(input);
  const size = fitEmbedSize(view, options);
  const response: OembedVideo = {
    version: '1.0',
    type: 'video',
    title: view.title,
    provider_name: view.siteName,
    provider_url: siteUrls.archive(input.baseUrl),
    html: renderEmbedSnippet(view, size),
    width: size.width,
    height: size.height,
  };
  if (input.event) response.author_name = input.event.organisation.name;
  const posterSize = input.version.posterSize;
  const { maxwidth, maxheight } = embedLimits(options);
  // oEmbed wants all three thumbnail fields or none, within the consumer's limits.
  if (
    view.posterUrl &&
    posterSize &&
    (maxwidth === undefined || posterSize.width <= maxwidth) &&
    (maxheight === undefined || posterSize.height <= maxheight)
  ) {
    response.thumbnail_url = view.posterUrl;
    response.thumbnail_width = posterSize.width;
    response.thumbnail_height = posterSize.height;
  }
  return response;
}
