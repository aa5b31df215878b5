import type { RecordingView } from '@folkemote/contract';

export const ACTIVE_POLL_MS = 1_000;
export const IDLE_POLL_MS = 10_000;
export const ERROR_POLL_MS = 5_000;

/** Whether the pipeline is still working on a recording (a quick version's ladder included). */
export function isInProgress(recording: Pick<RecordingView, 'state'>): boolean {
  return (
    recording.state === 'uploaded' ||
    recording.state === 'processing' ||
    recording.state === 'quick_published'
  );
}

/**
 * How long to wait before asking for the list again: often while something moves,
 * so the bar is live, and seldom otherwise, so an idle tab costs the server little.
 */
export function pollDelay(options: {
  recordings: readonly Pick<RecordingView, 'state'>[] | null;
  failed: boolean;
  hidden: boolean;
}): number {
  if (options.failed) return ERROR_POLL_MS;
  if (options.hidden) return IDLE_POLL_MS;
  return options.recordings?.some(isInProgress) ? ACTIVE_POLL_MS : IDLE_POLL_MS;
}
