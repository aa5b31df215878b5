import { escapeHtml } from './escape.ts';
import { translate } from './messages.ts';
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

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}

/** The iframe size: 640 wide at the video's aspect ratio, shrunk to fit maxwidth and maxheight. */
export function fitEmbedSize(
  view: ReplayView,
  options: OembedOptions = {},
): { width: number; height: number } {
  const maxwidth = positive(options.maxwidth);
  const maxheight = positive(options.maxheight);
  if (!view.usesVideoElement) {
    return {
      width: Math.min(defaultWidth, maxwidth ?? defaultWidth),
      height: Math.min(audioEmbedHeight, maxheight ?? audioEmbedHeight),
    };
  }
  const ratio = view.height / view.width;
  let width = Math.min(defaultWidth, maxwidth ?? defaultWidth);
  let height = Math.round(width * ratio);
  if (maxheight !== undefined && height > maxheight) {
    height = maxheight;
    width = Math.round(height / ratio);
  }
  return { width, height };
}

export function renderEmbedSnippet(view: ReplayView, size: { width: number; height: number }): string {
  const title = translate(view.locale, 'playerTitle', { title: view.title });
  return `<iframe src="${escapeHtml(view.embedUrl)}" width="${size.width}" height="${size.height}" title="${escapeHtml(
    title,
  )}" allow="fullscreen; picture-in-picture" allowfullscreen loading="lazy" style="border:0;max-width:100%"></iframe>`;
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
  const maxwidth = positive(options.maxwidth);
  const maxheight = positive(options.maxheight);
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
