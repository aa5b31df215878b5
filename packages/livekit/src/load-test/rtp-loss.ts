/** Cumulative counters of one received RTP stream, as RTCInboundRtpStreamStats reports them. */
export interface InboundCounters {
  packetsReceived: number;
  /** Expected minus received; it may fall again when late packets arrive. */
  packetsLost: number;
  bytesReceived: number;
  /** Video only; 0 for audio. */
  framesDecoded: number;
}

/** What one stream received between two readings of its counters. */
export function countersBetween(
  before: InboundCounters | undefined,
  after: InboundCounters,
): InboundCounters {
  if (!before) return { ...after };
  return {
    packetsReceived: after.packetsReceived - before.packetsReceived,
    packetsLost: after.packetsLost - before.packetsLost,
    bytesReceived: after.bytesReceived - before.bytesReceived,
    framesDecoded: after.framesDecoded - before.framesDecoded,
  };
}

/** The share of one stream's packets lost in a window; undefined when none were expected. */
export function lossFraction(window: InboundCounters): number | undefined {
  const lost = Math.max(0, window.packetsLost);
  const expected = window.packetsReceived + lost;
  return expected > 0 ? lost / expected : undefined;
}

export interface LossSummary {
  /** Lost packets over expected packets, all streams together. */
  overall: number;
  /** The worst single stream. */
  worst: number;
  /** Streams that received nothing in the window: a subscriber the server no longer fed. */
  starved: number;
}

export function summariseLoss(windows: readonly InboundCounters[]): LossSummary {
  let lost = 0;
  let expected = 0;
  let worst = 0;
  let starved = 0;
  for (const window of windows) {
    if (window.packetsReceived <= 0) starved += 1;
    const fraction = lossFraction(window);
    if (fraction === undefined) continue;
    lost += Math.max(0, window.packetsLost);
    expected += window.packetsReceived + Math.max(0, window.packetsLost);
    worst = Math.max(worst, fraction);
  }
  return { overall: expected > 0 ? lost / expected : 0, worst, starved };
}
