import { describeAsText } from '@folkemote/description';
import { translate } from './messages.ts';
import { type PageIdentity, summarise } from './page-parts.ts';
import type { ReplayInput } from './types.ts';
import { siteUrls } from './urls.ts';

/** Everything the replay, embed and feed renderers need, resolved once from a ReplayInput. */
export interface ReplayView extends PageIdentity {
  masterUrl: string;
  posterUrl: string | null;
  /** Null while only the quick version is out: its download comes with the full version. */
  downloadUrl: string | null;
  captions: Array<{ srclang: string; label: string; url: string; kind: 'captions' | 'descriptions' }>;
  /** The chapter track (answered questions), when published. */
  chaptersUrl: string | null;
  chapters: Array<{ startSeconds: number; endSeconds: number; title: string }>;
  /** Some chapters were made by hand: the list and the track are headed as chapters, not questions. */
  chaptersByHand: boolean;
  /** Whether the page shows a picture (video, poster or captions) or only audio controls. */
  usesVideoElement: boolean;
  /** Whether the version has a picture at all (and so a sound-only variant to switch to: listen-only.ts). */
  hasVideo: boolean;
  /** The thumbnail sprite's WebVTT index, for seek previews: video with a sprite (full versions) only. */
  spriteVttUrl: string | null;
  durationSeconds: number;
  width: number;
  height: number;
}

export function describeReplay(input: ReplayInput): ReplayView {
  const { baseUrl, recording, event, version } = input;
  // The event's own language wins: a nynorsk municipality's webinar gets a nynorsk page.
  const locale = event?.language ?? input.locale;
  const file = (path: string) =>
    version.prefix
      ? `${baseUrl}/${version.prefix}${path}`
      : siteUrls.versionFile(baseUrl, recording.id, version.id, path);
  const description = event?.description.trim() ?? '';
  const usesVideoElement = version.hasVideo || version.poster !== null || input.captions.length > 0;
  const width = version.width ?? 1280;
  const height = version.height ?? 720;
  return {
    locale,
    siteName: input.siteName ?? translate(locale, 'siteName'),
    title: recording.title,
    summary: description
      ? summarise(describeAsText(description))
      : translate(locale, 'descriptionFallback', { title: recording.title }),
    pageUrl: siteUrls.replay(baseUrl, recording.id),
    embedUrl: siteUrls.embed(baseUrl, recording.id),
    oembedUrl: siteUrls.oembed(baseUrl, recording.id),
    masterUrl: file(version.master),
    posterUrl: version.poster ? file(version.poster) : null,
    downloadUrl: version.download ? file(version.download.file) : null,
    captions: input.captions.map((track) => ({
      srclang: track.srclang,
      label: track.label,
      url: `${baseUrl}/${track.path}`,
      kind: track.kind ?? 'captions',
    })),
    chaptersUrl: input.chapters?.items.length ? `${baseUrl}/${input.chapters.path}` : null,
    chapters: input.chapters?.items ?? [],
    chaptersByHand: input.chapters?.byHand === true,
    usesVideoElement,
    hasVideo: version.hasVideo,
    spriteVttUrl: version.hasVideo && version.sprite ? file(version.sprite.vtt) : null,
    durationSeconds: recording.durationSeconds,
    width,
    height,
  };
}
