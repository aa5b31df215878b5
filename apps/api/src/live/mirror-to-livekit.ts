import { isLiveKitError } from '@folkemote/livekit';

/**
 * Runs a LiveKit call for someone who may not be connected. Our database is the truth: a
 * participant LiveKit does not know (not connected now) is no error, and their state is set
 * when they join. Any other LiveKit failure is thrown.
 */
export async function mirrorToLiveKit(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (!isLiveKitError(err, 'not_found')) throw err;
  }
}
