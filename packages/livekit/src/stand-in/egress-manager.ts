import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type EgressInfo,
  type FileInfo,
  type ListEgressRequest,
  ParticipantInfo_Kind,
  ParticipantPermission,
  type RoomCompositeEgressRequest,
  type SegmentsInfo,
} from '@livekit/protocol';
import { writeStandInStream } from '../broadcast/stand-in-stream.ts';
import { nowNs } from './clock.ts';
import { deliverEgressFile } from './deliver-egress-file.ts';
import {
  type EgressJob,
  EgressJobs,
  type EgressOutcome,
  isStoppable,
  messageOf,
  newEgressJob,
} from './egress-jobs.ts';
import { fileOutputOf, segmentOutputOf } from './egress-request.ts';
import { renderTestClip } from './render-test-clip.ts';
import type { Notify, RoomRegistry } from './room-registry.ts';
import { TwirpFailure } from './twirp-failure.ts';

export interface EgressManagerOptions {
  rooms: RoomRegistry;
  notify: Notify;
  ffmpegPath: string;
  /** Longest clip rendered, however long the recording ran. */
  maxClipSeconds: number;
  /** How long an egress stays STARTING before it turns ACTIVE. */
  startDelayMs: number;
}

interface StandInJob extends EgressJob {
  activation?: NodeJS.Timeout;
}

const MIN_CLIP_SECONDS = 2;

/**
 * Room composite egress to S3 with LiveKit's life cycle: STARTING, ACTIVE, ENDING, then
 * COMPLETE with a real MP4 in the bucket, or FAILED.
 */
export class EgressManager {
  private readonly jobs: EgressJobs<StandInJob>;
  private readonly pendingFailures: string[] = [];
  private readonly aborter = new AbortController();

  constructor(private readonly options: EgressManagerOptions) {
    this.jobs = new EgressJobs((payload) => options.notify(payload));
  }

  /** The next egress to stop fails with this error instead of uploading. */
  failNext(error: string): void {
    this.pendingFailures.push(error);
  }

  startRoomComposite(request: RoomCompositeEgressRequest): EgressInfo {
    if (!request.roomName) throw new TwirpFailure('invalid_argument', 'room name is required');
    const output = fileOutputOf(request, 'the stand-in');
    const segments = segmentOutputOf(request, 'the stand-in');
    const room = this.options.rooms.getRoom(request.roomName);
    const job: StandInJob = newEgressJob(request, room, output, segments);
    job.activation = setTimeout(() => this.activate(job), this.options.startDelayMs);
    return this.jobs.start(job);
  }

  stop(egressId: string): EgressInfo {
    const job = this.jobs.stoppable(egressId);
    clearTimeout(job.activation);
    this.jobs.end(job, () => this.finish(job));
    return job.info.clone();
  }

  list(request: Pick<ListEgressRequest, 'roomName' | 'egressId' | 'active'>): EgressInfo[] {
    return this.jobs.list(request);
  }

  /** The room is closing: its recordings end as if stopped. */
  endForRoom(roomName: string): void {
    for (const job of this.jobs.all()) {
      if (job.info.roomName === roomName && isStoppable(job.info)) this.stop(job.info.egressId);
    }
  }

  /** Resolves when every stopped egress has completed or failed. */
  idle(): Promise<void> {
    return this.jobs.idle();
  }

  async close(): Promise<void> {
    for (const job of this.jobs.all()) clearTimeout(job.activation);
    this.aborter.abort();
    await this.idle();
  }

  private activate(job: StandInJob): void {
    if (!this.jobs.activate(job)) return;
    const { info } = job;
    const rooms = this.options.rooms;
    if (rooms.hasRoom(info.roomName)) {
      // The recorder joins as a hidden participant whose identity is the egress id.
      rooms.addParticipant(info.roomName, {
        identity: info.egressId,
        name: '',
        metadata: '',
        attributes: {},
        kind: ParticipantInfo_Kind.EGRESS,
        permission: new ParticipantPermission({ canSubscribe: true, hidden: true, recorder: true }),
      });
      rooms.setActiveRecording(info.roomName, true);
    }
    this.jobs.updated(job);
  }

  private async finish(job: StandInJob): Promise<EgressOutcome> {
    const { info } = job;
    const elapsedSeconds = Number(nowNs() - info.startedAt) / 1e9;
    const seconds = Math.min(this.options.maxClipSeconds, Math.max(MIN_CLIP_SECONDS, elapsedSeconds));
    const failure = this.pendingFailures.shift();
    let outcome: EgressOutcome = { error: failure };
    if (failure === undefined) {
      try {
        outcome = await this.record(job, seconds);
      } catch (e) {
        outcome = { error: messageOf(e) };
      }
    }
    this.leaveRoom(info);
    return outcome;
  }

  private async record(
    job: StandInJob,
    seconds: number,
  ): Promise<{ result: FileInfo; segments?: SegmentsInfo }> {
    const { info } = job;
    const signal = this.aborter.signal;
    const workDir = await mkdtemp(path.join(tmpdir(), 'livekit-stand-in-egress-'));
    try {
      const localPath = path.join(workDir, 'recording.mp4');
      await renderTestClip({
        ffmpegPath: this.options.ffmpegPath,
        outputPath: localPath,
        durationSeconds: seconds,
        ...job.encoding,
        audio: job.audio,
        video: job.video,
        signal,
      });
      const duration = BigInt(Math.round(seconds * 1e9));
      // As the recorder: the stream is closed before the file goes up, and never costs the file.
      const segments = await this.writeStream(job, workDir, localPath, duration);
      const result = await deliverEgressFile({
        info,
        file: job.file,
        upload: job.upload,
        localPath,
        duration,
        signal,
      });
      return { result, ...(segments ? { segments } : {}) };
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }

  private async writeStream(
    job: StandInJob,
    workDir: string,
    clipPath: string,
    duration: bigint,
  ): Promise<SegmentsInfo | undefined> {
    if (!job.segments) return undefined;
    const startedAtMs = Number(job.info.startedAt / 1_000_000n);
    try {
      return await writeStandInStream({
        ffmpegPath: this.options.ffmpegPath,
        workDir,
        clipPath,
        segments: job.segments,
        framerate: job.encoding.framerate,
        video: job.video,
        audio: job.audio,
        startedAtMs,
        endedAtMs: startedAtMs + Number(duration / 1_000_000n),
        signal: this.aborter.signal,
      });
    } catch (e) {
      job.info.details = `the stream could not be closed: ${messageOf(e)}`;
      return undefined;
    }
  }

  private leaveRoom(info: EgressInfo): void {
    const rooms = this.options.rooms;
    rooms.setActiveRecording(info.roomName, false);
    if (rooms.listParticipants(info.roomName).some((p) => p.identity === info.egressId)) {
      rooms.removeParticipant(info.roomName, info.egressId);
    }
  }
}
