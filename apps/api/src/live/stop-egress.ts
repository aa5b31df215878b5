import { isLiveKitError } from '@folkemote/livekit';
import { applyEgressInfo } from '@folkemote/pipeline';
import type { LiveContext } from './live-context.ts';

/**
 * Asks LiveKit to stop a recording and applies what it answers. 'already_ended' when LiveKit
 * had finished it already (the reconciler fetches how it ended); other failures are thrown.
 */
export async function stopEgress(ctx: LiveContext, egressId: string): Promise<'stopped' | 'already_ended'> {
  try {
    await applyEgressInfo(ctx.deps, await ctx.livekit.stopEgress(egressId));
    return 'stopped';
  } catch (err) {
    if (isLiveKitError(err, 'failed_precondition') || isLiveKitError(err, 'not_found'))
      return 'already_ended';
    throw err;
  }
}
