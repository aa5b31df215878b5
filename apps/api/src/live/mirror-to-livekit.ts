import { isLiveKitError } from '@folkemote/livekit';

/**
 * Runs a LiveKit call for someone who may not be connected. Our database is the truth: a
 * participant LiveKit does not know (not connected now) is no error, and their state is set
 * when they join. 'unavailable' when LiveKit failed otherwise.
 */
export async function mirrorToLiveKit(run: () => Promise<unknown>): Promise<'done' | 'not_connected'> {
  try {
    await run();
    return 'done';
  } catch (err) {
    if (isLiveKitError(err, 'not_found')) return 'not_connected';
    throw err;
  }
}
