import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  EgressInfo,
  EgressSourceType,
  EgressStatus,
  type EncodedFileOutput,
  FileInfo,
  type ListEgressRequest,
  ParticipantInfo_Kind,
  ParticipantPermission,
  type RoomCompositeEgressRequest,
  type S3Upload,
} from '@livekit/protocol';
import { nowNs } from './clock.ts';
import { deliverEgressFile } from './deliver-egress-file.ts';
import { type EgressEncoding, encodingFor } from './egress-encoding.ts';
import { expandEgressFilepath } from './egress-filepath.ts';
import { fileOutputOf, redactEgressRequest } from './egress-request.ts';
import { newSid } from './ids.ts';
import { renderTestClip } from './render-test-clip.ts';
import type { Notify, RoomRegistry } from './room-registry.ts';
import { egressNotFound, TwirpFailure } from './twirp-failure.ts';

export interface EgressManagerOptions {
  rooms: RoomRegistry;
  notify: Notify;
  ffmpegPath: string;
  /** Longest clip rendered, however long the recording ran. */
  maxClipSeconds: number;
  /** How long an egress stays STARTING before it turns ACTIVE. */
  startDelayMs: number;
}

interface EgressJob {
  info: EgressInfo;
  file: EncodedFileOutput;
  upload: S3Upload;
  encoding: EgressEncoding;
  audio: boolean;
  video: boolean;
  activation?: NodeJS.Timeout;
}

const MIN_CLIP_SECONDS = 2;
const ACTIVE_STATUSES = new Set([
  EgressStatus.EGRESS_STARTING,
  EgressStatus.EGRESS_ACTIVE,
  EgressStatus.EGRESS_ENDING,
]);

/**
 * Room composite egress to S3 with LiveKit's life cycle: STARTING, ACTIVE, ENDING, then
 * COMPLETE with a real MP4 in the bucket, or FAILED.
 */
export class EgressManager {
  private readonly jobs = new Map<string, EgressJob>();
  private readonly pendingFailures: string[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly aborter = new AbortController();

  constructor(private readonly options: EgressManagerOptions) {}

  /** The next egress to stop fails with this error instead of uploading. */
  failNext(error: string): void {
    this.pendingFailures.push(error);
  }

  startRoomComposite(request: RoomCompositeEgressRequest): EgressInfo {
    if (!request.roomName) throw new TwirpFailure('invalid_argument', 'room name is required');
    const room = this.options.rooms.getRoom(request.roomName);
    const { file, upload } = fileOutputOf(request, 'the stand-in');

    const egressId = newSid('EG_');
    const startedAt = new Date();
    const filename = expandEgressFilepath(file.filepath, {
      roomName: room.name,
      roomId: room.sid,
      now: startedAt,
    });
    const info = new EgressInfo({
      egressId,
      roomId: room.sid,
      roomName: room.name,
      sourceType: EgressSourceType.WEB,
      status: EgressStatus.EGRESS_STARTING,
      updatedAt: nowNs(),
      request: { case: 'roomComposite', value: redactEgressRequest(request) },
      fileResults: [new FileInfo({ filename })],
    });
    const job: EgressJob = {
      info,
      file,
      upload,
      encoding: encodingFor(request),
      audio: !request.videoOnly,
      video: !request.audioOnly,
    };
    job.activation = setTimeout(() => this.activate(job), this.options.startDelayMs);
    this.jobs.set(egressId, job);
    this.options.notify({ event: 'egress_started', egressInfo: info.clone() });
    return info.clone();
  }

  stop(egressId: string): EgressInfo {
    const job = this.jobs.get(egressId);
    if (!job) throw egressNotFound();
    const { info } = job;
    if (info.status !== EgressStatus.EGRESS_STARTING && info.status !== EgressStatus.EGRESS_ACTIVE) {
      throw new TwirpFailure(
        'failed_precondition',
        `egress with status ${EgressStatus[info.status]} cannot be stopped`,
      );
    }
    clearTimeout(job.activation);
    if (info.startedAt === 0n) info.startedAt = nowNs();
    info.status = EgressStatus.EGRESS_ENDING;
    info.updatedAt = nowNs();
    this.options.notify({ event: 'egress_updated', egressInfo: info.clone() });
    const finishing = this.finish(job).finally(() => this.running.delete(finishing));
    this.running.add(finishing);
    return info.clone();
  }

  list(request: Pick<ListEgressRequest, 'roomName' | 'egressId' | 'active'>): EgressInfo[] {
    return [...this.jobs.values()]
      .map((job) => job.info)
      .filter((info) => !request.roomName || info.roomName === request.roomName)
      .filter((info) => !request.egressId || info.egressId === request.egressId)
      .filter((info) => !request.active || ACTIVE_STATUSES.has(info.status))
      .map((info) => info.clone());
  }

  /** The room is closing: its recordings end as if stopped. */
  endForRoom(roomName: string): void {
    for (const job of this.jobs.values()) {
      const { status } = job.info;
      if (
        job.info.roomName === roomName &&
        (status === EgressStatus.EGRESS_STARTING || status === EgressStatus.EGRESS_ACTIVE)
      ) {
        this.stop(job.info.egressId);
      }
    }
  }

  /** Resolves when every stopped egress has completed or failed. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async close(): Promise<void> {
    for (const job of this.jobs.values()) clearTimeout(job.activation);
    this.aborter.abort();
    await this.idle();
  }

  private activate(job: EgressJob): void {
    const { info } = job;
    if (info.status !== EgressStatus.EGRESS_STARTING) return;
    info.status = EgressStatus.EGRESS_ACTIVE;
    info.startedAt = nowNs();
    info.updatedAt = info.startedAt;
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
    this.options.notify({ event: 'egress_updated', egressInfo: info.clone() });
  }

  private async finish(job: EgressJob): Promise<void> {
    const { info } = job;
    const elapsedSeconds = Number(nowNs() - info.startedAt) / 1e9;
    const seconds = Math.min(this.options.maxClipSeconds, Math.max(MIN_CLIP_SECONDS, elapsedSeconds));
    const failure = this.pendingFailures.shift();
    let result: FileInfo | undefined;
    let error: string | undefined = failure;
    if (failure === undefined) {
      try {
        result = await this.record(job, seconds);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    this.leaveRoom(info);
    const endedAt = nowNs();
    info.endedAt = endedAt;
    info.updatedAt = endedAt;
    if (result) {
      info.status = EgressStatus.EGRESS_COMPLETE;
      info.fileResults = [result];
      info.result = { case: 'file', value: result.clone() };
    } else {
      info.status = EgressStatus.EGRESS_FAILED;
      info.error = error ?? 'egress failed';
      info.errorCode = 500;
    }
    this.options.notify({ event: 'egress_ended', egressInfo: info.clone() });
  }

  private async record(job: EgressJob, seconds: number): Promise<FileInfo> {
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
      return await deliverEgressFile({
        info,
        file: job.file,
        upload: job.upload,
        localPath,
        duration: BigInt(Math.round(seconds * 1e9)),
        signal,
      });
    } finally {
      await rm(workDir, { recursive: true, force: true });
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
