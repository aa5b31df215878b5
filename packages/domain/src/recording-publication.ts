/**
 * Whether a recording is on the public site, apart from how far its processing got
 * (`recordings.state`): held for an organiser's review (the default), public, or taken down
 * again by an organiser (its version kept privately for a later re-publish).
 */
export const recordingPublications = ['held', 'public', 'unpublished'] as const;
export type RecordingPublication = (typeof recordingPublications)[number];

/** What a new recording starts as: public only where its event publishes automatically. */
export function initialPublication(autoPublish: boolean): RecordingPublication {
  return autoPublish ? 'public' : 'held';
}

/** Public on the site: processed (something playable) and published by an organiser or automatically. */
export function isPubliclyVisible(state: string, publication: RecordingPublication): boolean {
  return publication === 'public' && (state === 'quick_published' || state === 'published');
}
