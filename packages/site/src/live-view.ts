import { describeAsText } from '@folkemote/description';
import type { BroadcastManifest } from '@folkemote/domain';
import type { LiveInput } from './live-input.ts';
import { translateLive } from './live-messages.ts';
import { translate } from './messages.ts';
import { type PageIdentity, summarise } from './page-parts.ts';
import { siteUrls } from './urls.ts';

/**
 * What the live page shows for a state of `broadcast.json`: the countdown (scheduled), the live
 * stream (live), the recording from the start (replay), a word that it is coming (waiting: ended,
 * its closed playlist not named yet) or that it is held for review (held). live.js reads the same.
 */
export type LivePhase = 'scheduled' | 'live' | 'replay' | 'waiting' | 'held';

export function livePhaseOf(manifest: Pick<BroadcastManifest, 'state' | 'live' | 'replay'>): LivePhase {
  if (manifest.state === 'held') return 'held';
  if (manifest.state === 'ended') return manifest.replay ? 'replay' : 'waiting';
  if (manifest.state === 'live') return manifest.live ? 'live' : 'scheduled';
  return 'scheduled';
}

export interface LiveView extends PageIdentity {
  phase: LivePhase;
  manifestUrl: string;
  highlightUrl: string;
  /** The replay address, against which the manifest's playlists are relative. */
  streamBase: string;
  hlsScriptUrl: string;
}

export function describeLive(input: LiveInput): LiveView {
  const { baseUrl, broadcastId, event } = input;
  const locale = event.language;
  const text = describeAsText(event.description).trim();
  const summary = text
    ? summarise(text)
    : translateLive(locale, 'liveDescriptionFallback', { title: event.title });
  return {
    locale,
    siteName: input.siteName ?? translate(locale, 'siteName'),
    title: event.title,
    summary,
    phase: livePhaseOf(input.manifest),
    pageUrl: siteUrls.replay(baseUrl, broadcastId),
    embedUrl: siteUrls.embed(baseUrl, broadcastId),
    oembedUrl: siteUrls.oembed(baseUrl, broadcastId),
    manifestUrl: siteUrls.broadcastManifest(baseUrl, broadcastId),
    highlightUrl: siteUrls.broadcastHighlight(baseUrl, broadcastId),
    streamBase: siteUrls.broadcastBase(baseUrl, broadcastId),
    hlsScriptUrl: siteUrls.asset(baseUrl, 'hls.min.js'),
  };
}
