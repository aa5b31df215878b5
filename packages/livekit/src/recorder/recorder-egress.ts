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
  type RoomCompositeEgressRequest,
  type S3Upload,
} from '@livekit/protocol';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import type { LiveKitCredentials } from '../settings.ts';
import { nowNs } from '../stand-in/clock.ts';
import { deliverEgressFile } from '../stand-in/deliver-egress-file.ts';
import { type EgressEncoding, encodingFor } from '../stand-in/egress-encoding.ts';
import { expandEgressFilepath } from '../stand-in/egress-filepath.ts';
import { fileOutputOf, redactEgressRequest } from '../stand-in/egress-request.ts';
import { newSid } from '../stand-in/ids.ts';
import { egressNotFound, roomNotFound, TwirpFailure } from '../stand-in/twirp-failure.ts';
import type { WebhookPayload } from '../stand-in/webhook-sender.ts';
import { RoomComposite } from './room-composite.ts';

export interface RecorderEgressOptions extends LiveKitCredentials {
  /** The LiveKit server as a client dials it (ws:// or wss://). */
  livekitUrl: string;
  notify(payload: WebhookPayload): void;
  ffmpegPath: string;
}

interface RecorderJob {
  info: EgressInfo;
  file: EncodedFileOutput;
  upload: S3Upload;
  encoding: EgressEncoding;
  audio: boolean;
  video: boolean;
  workDir?: string;
  composite?: RoomComposite;
  /** Settles when the recorder has joined the room and the file has begun (or that failed). */
  joining?: Promise<void>;
  /** Why the recording cannot go on, when it cannot. */
  failure?: string;
}

const ACTIVE_STATUSES = new Set([
  EgressStatus.EGRESS_STARTING,
  EgressStatus.EGRESS_ACTIVE,
  EgressStatus.EGRESS_ENDING,
]);
// Long enough to reconnect during an hours-long webinar; the server refreshes it while connected.
const RECORDER_TOKEN_TTL = '6h';

/**
 * Room composite egress with LiveKit Egress's life cycle and answers, recorded from the room's
 * real media: STARTING while the recorder joins, ACTIVE while it records, ENDING while the file is
 * finished and uploaded, then COMPLETE (or FAILED with the error).
 */
export class RecorderEgress {
  private readonly jobs = new Map<string, RecorderJob>();
  private readonly running = new Set<Promise<void>>();
  private readonly rooms: RoomServiceClient;

  constructor(private readonly options: RecorderEgressOptions) {
    const apiUrl = options.livekitUrl.replace(/^ws(s?):/, 'http$1:');
    this.rooms = new RoomServiceClient(apiUrl, options.apiKey, options.apiSecret);
  }

  async startRoomComposite(request: RoomCompositeEgressRequest): Promise<EgressInfo> {
    if (!request.roomName) throw new TwirpFailure('invalid_argument', 'room name is required');
    const { file, upload } = fileOutputOf(request, 'the recorder');
    const room = await this.findRoom(request.roomName);
    const egressId = newSid('EG_');
    const info = new EgressInfo({
      egressId,
      roomId: room.sid,
      roomName: room.name,
      sourceType: EgressSourceType.WEB,
      status: EgressStatus.EGRESS_STARTING,
      updatedAt: nowNs(),
      request: { case: 'roomComposite', value: redactEgressRequest(request) },
      fileResults: [
        new FileInfo({
          filename: expandEgressFilepath(file.filepath, {
            roomName: room.name,
            roomId: room.sid,
            now: new Date(),
          }),
        }),
      ],
    });
    const job: RecorderJob = {
      info,
      file,
      upload,
      encoding: encodingFor(request),
      audio: !request.videoOnly,
      video: !request.audioOnly,
    };
    this.jobs.set(egressId, job);
    this.options.notify({ event: 'egress_started', egressInfo: info.clone() });
    job.joining = this.join(job);
    this.track(job.joining);
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
    this.end(job);
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

  /** Resolves when every recording that was stopped has completed or failed. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Recordings still going end as if stopped, so what was recorded is kept (as Egress drains). */
  async close(): Promise<void> {
    for (const job of this.jobs.values()) this.end(job);
    await this.idle();
  }

  private async findRoom(name: string): Promise<{ sid: string; name: string }> {
    let found: { sid: string; name: string } | undefined;
    try {
      [found] = await this.rooms.listRooms([name]);
    } catch (error) {
      throw new TwirpFailure('unavailable', `LiveKit did not answer: ${messageOf(error)}`);
    }
    if (!found) throw roomNotFound();
    return found;
  }

  private async join(job: RecorderJob): Promise<void> {
    const { info } = job;
    try {
      job.workDir = await mkdtemp(path.join(tmpdir(), 'folkemote-recorder-'));
      job.composite = await RoomComposite.start({
        url: this.options.livekitUrl,
        token: await this.recorderToken(info),
        ffmpegPath: this.options.ffmpegPath,
        outputPath: path.join(job.workDir, 'recording.mp4'),
        encoding: job.encoding,
        audio: job.audio,
        video: job.video,
        onRoomLeft: () => this.end(job),
        onEncoderFailed: (error) => {
          job.failure = error.message;
          this.end(job);
        },
      });
    } catch (error) {
      job.failure = `the recorder could not join the room: ${messageOf(error)}`;
      this.end(job);
      return;
    }
    if (info.status !== EgressStatus.EGRESS_STARTING) return;
    info.status = EgressStatus.EGRESS_ACTIVE;
    info.startedAt = job.composite.startedAt;
    info.updatedAt = nowNs();
    this.options.notify({ event: 'egress_updated', egressInfo: info.clone() });
  }

  private recorderToken(info: EgressInfo): Promise<string> {
    const token = new AccessToken(this.options.apiKey, this.options.apiSecret, {
      identity: info.egressId,
      ttl: RECORDER_TOKEN_TTL,
    });
    token.kind = 'egress';
    token.addGrant({
      roomJoin: true,
      room: info.roomName,
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
      hidden: true,
      recorder: true,
    });
    return token.toJwt();
  }

  /** From STARTING or ACTIVE to ENDING, once; the file is then finished and delivered. */
  private end(job: RecorderJob): void {
    const { info } = job;
    if (info.status !== EgressStatus.EGRESS_STARTING && info.status !== EgressStatus.EGRESS_ACTIVE) return;
    if (info.startedAt === 0n) info.startedAt = nowNs();
    info.status = EgressStatus.EGRESS_ENDING;
    info.updatedAt = nowNs();
    this.options.notify({ event: 'egress_updated', egressInfo: info.clone() });
    this.track(this.finish(job));
  }

  private async finish(job: RecorderJob): Promise<void> {
    const { info } = job;
    await job.joining;
    let result: FileInfo | undefined;
    let error = job.failure;
    try {
      if (error === undefined && job.composite) {
        const duration = await job.composite.stop();
        result = await deliverEgressFile({
          info,
          file: job.file,
          upload: job.upload,
          localPath: path.join(job.workDir as string, 'recording.mp4'),
          duration,
        });
      } else {
        await job.composite?.abort();
      }
    } catch (e) {
      error = job.failure ?? messageOf(e);
      await job.composite?.abort();
    } finally {
      if (job.workDir) await rm(job.workDir, { recursive: true, force: true });
    }
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

  private track(work: Promise<void>): void {
    const tracked = work.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
