import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  EgressInfo,
  ListEgressRequest,
  RoomCompositeEgressRequest,
  SegmentsInfo,
} from '@livekit/protocol';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { type BroadcastStream, prepareBroadcastStream } from '../broadcast/broadcast-stream.ts';
import type { StreamUploader } from '../broadcast/stream-uploader.ts';
import type { LiveKitCredentials } from '../settings.ts';
import { nowNs } from '../stand-in/clock.ts';
import { deliverEgressFile } from '../stand-in/deliver-egress-file.ts';
import {
  type EgressJob,
  EgressJobs,
  type EgressOutcome,
  messageOf,
  newEgressJob,
} from '../stand-in/egress-jobs.ts';
import { fileOutputOf, segmentOutputOf } from '../stand-in/egress-request.ts';
import { roomNotFound, TwirpFailure } from '../stand-in/twirp-failure.ts';
import type { WebhookPayload } from '../stand-in/webhook-sender.ts';
import { RoomComposite } from './room-composite.ts';

export interface RecorderEgressOptions extends LiveKitCredentials {
  /** The LiveKit server as a client dials it (ws:// or wss://). */
  livekitUrl: string;
  notify(payload: WebhookPayload): void;
  ffmpegPath: string;
}

interface RecorderJob extends EgressJob {
  workDir?: string;
  composite?: RoomComposite;
  /** A broadcast's segments on their way to the bucket. */
  stream?: StreamUploader;
  /** Settles when the recorder has joined the room and the file has begun (or that failed). */
  joining?: Promise<void>;
  /** Why the recording cannot go on, when it cannot. */
  failure?: string;
}

// Long enough to reconnect during an hours-long webinar; the server refreshes it while connected.
const RECORDER_TOKEN_TTL = '6h';

/**
 * Room composite egress with LiveKit Egress's life cycle and answers, recorded from the room's
 * real media: STARTING while the recorder joins, ACTIVE while it records, ENDING while the file is
 * finished and uploaded, then COMPLETE (or FAILED with the error).
 */
export class RecorderEgress {
  private readonly jobs: EgressJobs<RecorderJob>;
  private readonly rooms: RoomServiceClient;

  constructor(private readonly options: RecorderEgressOptions) {
    const apiUrl = options.livekitUrl.replace(/^ws(s?):/, 'http$1:');
    this.rooms = new RoomServiceClient(apiUrl, options.apiKey, options.apiSecret);
    this.jobs = new EgressJobs((payload) => options.notify(payload));
  }

  async startRoomComposite(request: RoomCompositeEgressRequest): Promise<EgressInfo> {
    if (!request.roomName) throw new TwirpFailure('invalid_argument', 'room name is required');
    const output = fileOutputOf(request, 'the recorder');
    const segments = segmentOutputOf(request, 'the recorder');
    const room = await this.findRoom(request.roomName);
    const job: RecorderJob = newEgressJob(request, room, output, segments);
    const info = this.jobs.start(job);
    job.joining = this.join(job);
    this.jobs.track(job.joining);
    return info;
  }

  stop(egressId: string): EgressInfo {
    const job = this.jobs.stoppable(egressId);
    this.end(job);
    return job.info.clone();
  }

  list(request: Pick<ListEgressRequest, 'roomName' | 'egressId' | 'active'>): EgressInfo[] {
    return this.jobs.list(request);
  }

  /** Resolves when every recording that was stopped has completed or failed. */
  idle(): Promise<void> {
    return this.jobs.idle();
  }

  /** Recordings still going end as if stopped, so what was recorded is kept (as Egress drains). */
  async close(): Promise<void> {
    for (const job of this.jobs.all()) this.end(job);
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
      const stream = job.segments && (await this.prepareStream(job, job.workDir));
      job.composite = await RoomComposite.start({
        url: this.options.livekitUrl,
        token: await this.recorderToken(info),
        ffmpegPath: this.options.ffmpegPath,
        outputPath: path.join(job.workDir, 'recording.mp4'),
        encoding: job.encoding,
        audio: job.audio,
        video: job.video,
        ...(stream ? { stream: stream.encoding } : {}),
        onRoomLeft: () => this.end(job),
        onEncoderFailed: (error) => {
          job.failure = error.message;
          this.end(job);
        },
      });
      if (stream) {
        job.stream = stream.uploader(Number(job.composite.startedAt / 1_000_000n));
        job.stream.start();
      }
    } catch (error) {
      job.failure = `the recorder could not join the room: ${messageOf(error)}`;
      this.end(job);
      return;
    }
    if (this.jobs.activate(job, job.composite.startedAt)) this.jobs.updated(job);
  }

  private prepareStream(job: RecorderJob, workDir: string): Promise<BroadcastStream> {
    return prepareBroadcastStream({
      workDir,
      segments: job.segments as NonNullable<RecorderJob['segments']>,
      framerate: job.encoding.framerate,
      video: job.video,
      audio: job.audio,
    });
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
    this.jobs.end(job, () => this.finish(job));
  }

  private async finish(job: RecorderJob): Promise<EgressOutcome> {
    await job.joining;
    let result: EgressOutcome['result'];
    let segments: SegmentsInfo | undefined;
    let error = job.failure;
    try {
      if (error === undefined && job.composite) {
        const duration = await job.composite.stop();
        // The stream is closed first, so the replay plays seconds after the end, before the
        // MP4's long upload; a stream that cannot be closed costs the stream, never the file.
        segments = await this.closeStream(job, job.info.startedAt + duration);
        result = await deliverEgressFile({
          info: job.info,
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
      // A recording that failed still closes what was streamed, so viewers see it end.
      if (job.stream) segments = await this.closeStream(job, nowNs());
      if (job.workDir) await rm(job.workDir, { recursive: true, force: true });
    }
    return { result, segments, error };
  }

  /** Closes the stream once, whatever happens; a stream that cannot be closed is told in `details`. */
  private async closeStream(job: RecorderJob, endedAtNs: bigint): Promise<SegmentsInfo | undefined> {
    const stream = job.stream;
    job.stream = undefined;
    if (!stream) return undefined;
    try {
      return await stream.close(Number(endedAtNs / 1_000_000n));
    } catch (e) {
      job.info.details = `the stream could not be closed: ${messageOf(e)}`;
      return undefined;
    }
  }
}
