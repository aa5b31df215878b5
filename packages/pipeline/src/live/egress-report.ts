import { type EgressReport, type EgressState, isEgressFinal } from '@folkemote/db';
import { type EgressInfo, EgressStatus } from '@folkemote/livekit';

const states: Record<EgressStatus, Exclude<EgressState, 'requested'>> = {
  [EgressStatus.EGRESS_STARTING]: 'starting',
  [EgressStatus.EGRESS_ACTIVE]: 'active',
  [EgressStatus.EGRESS_ENDING]: 'ending',
  [EgressStatus.EGRESS_COMPLETE]: 'complete',
  [EgressStatus.EGRESS_FAILED]: 'failed',
  [EgressStatus.EGRESS_ABORTED]: 'aborted',
  [EgressStatus.EGRESS_LIMIT_REACHED]: 'limit_reached',
};

/** LiveKit's time stamps are Unix nanoseconds; zero means "not yet". */
export function dateFromNanoseconds(ns: bigint | number | string | undefined): Date | null {
  if (ns === undefined) return null;
  const value = BigInt(ns);
  return value > 0n ? new Date(Number(value / 1_000_000n)) : null;
}

/** Why an egress ended without a recording, in LiveKit's words where it gave any. */
function failureReason(info: EgressInfo, state: EgressState): string | null {
  if (!isEgressFinal(state) || state === 'complete') return null;
  const reason = [info.error, info.details].filter(Boolean).join(' – ');
  if (reason) return reason;
  if (state === 'aborted') return 'The recording was aborted before it finished';
  if (state === 'limit_reached') return 'The recording reached its time limit';
  return 'The recording failed';
}

/** What LiveKit says about an egress, as the database stores it. */
export function toEgressReport(info: EgressInfo, eventId: string): EgressReport {
  const status = states[info.status] ?? 'starting';
  return {
    eventId,
    roomName: info.roomName,
    egressId: info.egressId,
    status,
    error: failureReason(info, status),
    startedAt: dateFromNanoseconds(info.startedAt),
    endedAt: dateFromNanoseconds(info.endedAt),
  };
}

/** The MP4 an egress wrote: the first file result, or the single file of older servers. */
export function fileResultOf(info: EgressInfo) {
  return info.fileResults[0] ?? (info.result.case === 'file' ? info.result.value : undefined);
}
