import type { MachineCpuTicks } from '../src/load-test/proc-cpu.ts';
import {
  countersBetween,
  type InboundCounters,
  type LossSummary,
  summariseLoss,
} from '../src/load-test/rtp-loss.ts';
import type { AttendeeCounters } from './live-audience.ts';
import type { SentVideo } from './rtc-stats.ts';

/** Everything read at one instant of a step: CPU counters, every attendee's and the presenter's stats. */
export interface Snapshot {
  atMs: number;
  serverTicks: number;
  presenterTicks: number;
  audienceTicks: number;
  machine: MachineCpuTicks;
  attendees: AttendeeCounters[];
  sent: SentVideo;
  /** Microphone frames the presenter's audio source refused so far (its queue full). */
  audioRefused: number;
}

export interface StepLimits {
  /** Loss at or above this share of packets fails the step. */
  maxLoss: number;
  /** Server and load generator together at or above this share of all cores fail the step. */
  saturation: number;
  cores: number;
  ticksPerSecond: number;
  /** The frame rate the presenter is asked to send. */
  targetFps: number;
  /**
   * Below this share of the frames it should, the load generator did not make the load the step
   * asks for (the presenter encoding fewer frames, or the audience decoding fewer than were
   * sent): the step then says more about the machine than about the node.
   */
  minRate: number;
}

export interface StepRow {
  subscribers: number;
  windowS: number;
  videoKbps: number;
  audioKbps: number;
  /** Per subscriber, video and audio. */
  packetsPerSecond: number;
  /** Video frames each subscriber decoded per second. */
  fps: number;
  loss: LossSummary;
  /** Attendees whose last decoded frame had the width of the presenter's top layer. */
  onTopLayer: number;
  serverCores: number;
  presenterCores: number;
  audienceCores: number;
  machineCores: number;
  sentFps: number;
  /** The height of the presenter's top simulcast layer now (its encoder may have lowered it). */
  sentHeight: number;
  limitation: string;
  joinFailures: number;
  audioRefused: number;
  /** Empty when the node carried the step; otherwise why not. */
  failures: string[];
}

const ZERO: InboundCounters = { packetsReceived: 0, packetsLost: 0, bytesReceived: 0, framesDecoded: 0 };

/** What a step's window measured, between two snapshots, and whether the node carried it. */
export function measureStep(
  before: Snapshot,
  after: Snapshot,
  joinFailures: number,
  limits: StepLimits,
): StepRow {
  const windowS = (after.atMs - before.atMs) / 1_000;
  const cores = (ticks: number) => ticks / limits.ticksPerSecond / windowS;
  const earlier = new Map(before.attendees.map((a) => [a.identity, a]));
  const video: InboundCounters[] = [];
  const audio: InboundCounters[] = [];
  let onTopLayer = 0;
  const topWidth = after.sent.layers[0]?.width ?? 0;
  for (const attendee of after.attendees) {
    const was = earlier.get(attendee.identity);
    video.push(countersBetween(was?.video, attendee.video ?? ZERO));
    audio.push(countersBetween(was?.audio, attendee.audio ?? ZERO));
    if (topWidth > 0 && attendee.video?.frameWidth === topWidth) onTopLayer += 1;
  }
  const subscribers = after.attendees.length;
  const perSubscriber = (total: number) => (subscribers ? total / subscribers / windowS : 0);
  const sum = (streams: InboundCounters[], key: keyof InboundCounters) =>
    streams.reduce((total, s) => total + s[key], 0);
  const top = after.sent.layers[0];
  const topBefore = before.sent.layers.find((l) => l.rid === top?.rid);
  const row: StepRow = {
    subscribers,
    windowS,
    videoKbps: (perSubscriber(sum(video, 'bytesReceived')) * 8) / 1_000,
    audioKbps: (perSubscriber(sum(audio, 'bytesReceived')) * 8) / 1_000,
    packetsPerSecond: perSubscriber(sum(video, 'packetsReceived') + sum(audio, 'packetsReceived')),
    fps: perSubscriber(sum(video, 'framesDecoded')),
    loss: summariseLoss([...video, ...audio]),
    onTopLayer,
    serverCores: cores(after.serverTicks - before.serverTicks),
    presenterCores: cores(after.presenterTicks - before.presenterTicks),
    audienceCores: cores(after.audienceTicks - before.audienceTicks),
    machineCores:
      ((after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total)) *
      limits.cores,
    sentFps: top ? (top.framesEncoded - (topBefore?.framesEncoded ?? 0)) / windowS : 0,
    sentHeight: top?.height ?? 0,
    limitation: after.sent.limitation,
    joinFailures,
    audioRefused: after.audioRefused - before.audioRefused,
    failures: [],
  };
  row.failures = stepFailures(row, limits);
  return row;
}

/**
 * Why a step was not carried: loss, a starved subscriber, lower layers, failed joins, the CPU
 * (server and generator together), or a load generator that fell behind.
 */
export function stepFailures(row: StepRow, limits: StepLimits): string[] {
  const failures: string[] = [];
  if (row.loss.overall >= limits.maxLoss) failures.push('loss');
  if (row.loss.starved > 0) failures.push('starved');
  if (row.subscribers > 0 && row.onTopLayer < row.subscribers * 0.9) failures.push('layer');
  if (row.joinFailures > 0) failures.push('join');
  const benchCores = row.serverCores + row.presenterCores + row.audienceCores;
  if (benchCores >= limits.saturation * limits.cores) failures.push('cpu');
  const presenterBehind = row.sentFps < limits.minRate * limits.targetFps;
  const audienceBehind = row.subscribers > 0 && row.fps < limits.minRate * row.sentFps;
  if (presenterBehind || audienceBehind) failures.push('generator');
  return failures;
}
