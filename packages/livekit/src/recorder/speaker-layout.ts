/** A subscribed video track the layout may show. */
export interface VideoFeed {
  trackSid: string;
  identity: string;
  source: 'camera' | 'screen_share';
  /** Order of subscription: a later feed has a higher number. */
  order: number;
}

/**
 * The feed LiveKit's speaker layout puts on screen: the newest screen share while there is one;
 * otherwise the camera of whoever speaks, kept on screen until someone else speaks (so a pause
 * does not switch the picture), or, before anyone has spoken, the first presenter's camera.
 */
export function featuredFeed(
  feeds: readonly VideoFeed[],
  activeSpeakers: readonly string[],
  current: string | undefined,
): string | undefined {
  const screens = feeds.filter((feed) => feed.source === 'screen_share');
  if (screens.length > 0) return newest(screens).trackSid;
  const cameras = feeds.filter((feed) => feed.source === 'camera');
  const shown = cameras.find((feed) => feed.trackSid === current);
  if (shown && activeSpeakers.includes(shown.identity)) return shown.trackSid;
  for (const speaker of activeSpeakers) {
    const camera = cameras.find((feed) => feed.identity === speaker);
    if (camera) return camera.trackSid;
  }
  if (shown) return shown.trackSid;
  return cameras.length > 0 ? oldest(cameras).trackSid : undefined;
}

function newest(feeds: VideoFeed[]): VideoFeed {
  return feeds.reduce((a, b) => (b.order > a.order ? b : a));
}

function oldest(feeds: VideoFeed[]): VideoFeed {
  return feeds.reduce((a, b) => (b.order < a.order ? b : a));
}
