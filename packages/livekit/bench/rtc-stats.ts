import type { LocalAudioTrack, LocalVideoTrack, RemoteTrack } from '@livekit/rtc-node';
import type { InboundCounters } from '../src/load-test/rtp-loss.ts';

type FfiClient = NonNullable<typeof globalThis._ffiClientInstance>;
type FfiEvent = Parameters<Parameters<FfiClient['waitFor']>[0]>[0];
type StatsCallback = Extract<FfiEvent['message'], { case: 'getStats' }>['value'];
export type RtcStats = StatsCallback['stats'][number];
type Inbound = Extract<RtcStats['stats'], { case: 'inboundRtp' }>['value'];
type Outbound = Extract<RtcStats['stats'], { case: 'outboundRtp' }>['value'];

/**
 * The WebRTC statistics of one track (RTCStatsReport entries). rtc-node 1.1 has no getStats of its
 * own, but its FFI answers a GetStatsRequest for any track handle, through the one FFI client
 * rtc-node keeps per process (it exists once a room has been made).
 */
export async function trackStats(
  track: RemoteTrack | LocalVideoTrack | LocalAudioTrack,
): Promise<RtcStats[]> {
  const ffi = globalThis._ffiClientInstance;
  if (!ffi) throw new Error('rtc-node has no FFI client yet: connect a room first');
  const { asyncId } = ffi.request<{ asyncId: bigint }>({
    message: { case: 'getStats', value: { trackHandle: track.ffi_handle.handle } },
  });
  const answer = await ffi.waitFor<StatsCallback>(
    (event) => event.message.case === 'getStats' && event.message.value.asyncId === asyncId,
  );
  if (answer.error) throw new Error(`getStats: ${answer.error}`);
  return answer.stats;
}

export interface ReceivedStream extends InboundCounters {
  /** The width of the last frame decoded (video), 0 for audio. */
  frameWidth: number;
}

/** The inbound-rtp entry of a subscribed track's statistics (one per track). */
export function receivedStream(stats: readonly RtcStats[]): ReceivedStream | undefined {
  const inbound = stats.flatMap((s) => (s.stats.case === 'inboundRtp' ? [s.stats.value as Inbound] : []))[0];
  if (!inbound) return undefined;
  return {
    packetsReceived: Number(inbound.received?.packetsReceived ?? 0n),
    packetsLost: Number(inbound.received?.packetsLost ?? 0n),
    bytesReceived: Number(inbound.inbound?.bytesReceived ?? 0n),
    framesDecoded: inbound.inbound?.framesDecoded ?? 0,
    frameWidth: inbound.inbound?.frameWidth ?? 0,
  };
}

export interface SentVideo {
  /** Per simulcast layer, largest first: what the encoder made of the frames it was given. */
  layers: Array<{ rid: string; width: number; height: number; framesEncoded: number; bytesSent: number }>;
  /** Why the encoder sends less than it was asked for: none, cpu, bandwidth or other. */
  limitation: string;
}

const LIMITATIONS = ['none', 'cpu', 'bandwidth', 'other'];

/** The outbound-rtp entries of a published video track, one per simulcast layer. */
export function sentVideo(stats: readonly RtcStats[]): SentVideo {
  const outbound = stats.flatMap((s) => (s.stats.case === 'outboundRtp' ? [s.stats.value as Outbound] : []));
  const layers = outbound
    .map((o) => ({
      rid: o.outbound?.rid ?? '',
      width: o.outbound?.frameWidth ?? 0,
      height: o.outbound?.frameHeight ?? 0,
      framesEncoded: o.outbound?.framesEncoded ?? 0,
      bytesSent: Number(o.sent?.bytesSent ?? 0n),
    }))
    .sort((a, b) => b.width - a.width);
  const top = outbound.find((o) => (o.outbound?.frameWidth ?? 0) === layers[0]?.width);
  return { layers, limitation: LIMITATIONS[top?.outbound?.qualityLimitationReason ?? 0] ?? 'other' };
}
