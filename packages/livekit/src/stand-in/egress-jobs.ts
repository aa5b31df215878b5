import {
  EgressInfo,
  EgressSourceType,
  EgressStatus,
  type EncodedFileOutput,
  FileInfo,
  type ListEgressRequest,
  type RoomCompositeEgressRequest,
  type S3Upload,
  SegmentsInfo,
} from '@livekit/protocol';
import { nowNs } from './clock.ts';
import { type EgressEncoding, encodingFor } from './egress-encoding.ts';
import { expandEgressFilepath } from './egress-filepath.ts';
import { redactEgressRequest, type SegmentOutput } from './egress-request.ts';
import { newSid } from './ids.ts';
import { egressNotFound, TwirpFailure } from './twirp-failure.ts';
import type { WebhookPayload } from './webhook-sender.ts';

/** One room composite egress: its public record and what the recording needs to be made and delivered. */
export interface EgressJob {
  info: EgressInfo;
  file: EncodedFileOutput;
  upload: S3Upload;
  encoding: EgressEncoding;
  audio: boolean;
  video: boolean;
  /** A broadcast's HLS stream, written beside the file. */
  segments?: SegmentOutput;
}

/** What finishing an egress gave: the file (or why there is none), and the stream when there was one. */
export interface EgressOutcome {
  result?: FileInfo;
  segments?: SegmentsInfo;
  error?: string;
}

const ACTIVE_STATUSES = new Set([
  EgressStatus.EGRESS_STARTING,
  EgressStatus.EGRESS_ACTIVE,
  EgressStatus.EGRESS_ENDING,
]);

/** Whether the egress may still be stopped (STARTING or ACTIVE). */
export function isStoppable(info: EgressInfo): boolean {
  return info.status === EgressStatus.EGRESS_STARTING || info.status === EgressStatus.EGRESS_ACTIVE;
}

/** A new STARTING room composite egress of the room, recording to the request's (checked) file output. */
export function newEgressJob(
  request: RoomCompositeEgressRequest,
  room: { sid: string; name: string },
  output: { file: EncodedFileOutput; upload: S3Upload },
  segments?: SegmentOutput,
): EgressJob {
  const filename = expandEgressFilepath(output.file.filepath, {
    roomName: room.name,
    roomId: room.sid,
    now: new Date(),
  });
  const info = new EgressInfo({
    egressId: newSid('EG_'),
    roomId: room.sid,
    roomName: room.name,
    sourceType: EgressSourceType.WEB,
    status: EgressStatus.EGRESS_STARTING,
    updatedAt: nowNs(),
    request: { case: 'roomComposite', value: redactEgressRequest(request) },
    fileResults: [new FileInfo({ filename })],
    segmentResults: segments ? [namedSegmentsInfo(segments)] : [],
  });
  return {
    info,
    ...output,
    ...(segments ? { segments } : {}),
    encoding: encodingFor(request),
    audio: !request.videoOnly,
    video: !request.audioOnly,
  };
}

/** The stream's playlists as Egress names them from the start: the prefix and the playlist's name. */
function namedSegmentsInfo({ output }: SegmentOutput): SegmentsInfo {
  return new SegmentsInfo({
    playlistName: `${output.filenamePrefix}${output.playlistName}`,
    livePlaylistName: output.livePlaylistName ? `${output.filenamePrefix}${output.livePlaylistName}` : '',
  });
}

/**
 * The egress bookkeeping LiveKit Egress does whatever records the media: the jobs by id, their
 * listing, the life cycle STARTING → ACTIVE → ENDING → COMPLETE or FAILED with a webhook at each
 * step, and the work still running after a stop.
 */
export class EgressJobs<J extends EgressJob> {
  private readonly jobs = new Map<string, J>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly notify: (payload: WebhookPayload) => void) {}

  /** Adds a new job and announces it; answers its record. */
  start(job: J): EgressInfo {
    this.jobs.set(job.info.egressId, job);
    this.notify({ event: 'egress_started', egressInfo: job.info.clone() });
    return job.info.clone();
  }

  all(): Iterable<J> {
    return this.jobs.values();
  }

  /** The job a stop request names, or the Twirp error LiveKit answers when it cannot be stopped. */
  stoppable(egressId: string): J {
    const job = this.jobs.get(egressId);
    if (!job) throw egressNotFound();
    const { info } = job;
    if (!isStoppable(info)) {
      throw new TwirpFailure(
        'failed_precondition',
        `egress with status ${EgressStatus[info.status]} cannot be stopped`,
      );
    }
    return job;
  }

  list(request: Pick<ListEgressRequest, 'roomName' | 'egressId' | 'active'>): EgressInfo[] {
    return [...this.jobs.values()]
      .map((job) => job.info)
      .filter((info) => !request.roomName || info.roomName === request.roomName)
      .filter((info) => !request.egressId || info.egressId === request.egressId)
      .filter((info) => !request.active || ACTIVE_STATUSES.has(info.status))
      .map((info) => info.clone());
  }

  /** From STARTING to ACTIVE, recording since `startedAt`; false when the job has moved on meanwhile. */
  activate(job: J, startedAt: bigint = nowNs()): boolean {
    const { info } = job;
    if (info.status !== EgressStatus.EGRESS_STARTING) return false;
    info.status = EgressStatus.EGRESS_ACTIVE;
    info.startedAt = startedAt;
    info.updatedAt = nowNs();
    return true;
  }

  /** Announces the job's record as it is now. */
  updated(job: J): void {
    this.notify({ event: 'egress_updated', egressInfo: job.info.clone() });
  }

  /**
   * From STARTING or ACTIVE to ENDING, once, then `finish` runs (making and delivering the file)
   * and the job settles COMPLETE with its result, or FAILED with the error.
   */
  end(job: J, finish: () => Promise<EgressOutcome>): void {
    const { info } = job;
    if (!isStoppable(info)) return;
    if (info.startedAt === 0n) info.startedAt = nowNs();
    info.status = EgressStatus.EGRESS_ENDING;
    info.updatedAt = nowNs();
    this.updated(job);
    this.track(finish().then((outcome) => this.settle(job, outcome)));
  }

  /** Keeps work that must be done before the egress is idle. */
  track(work: Promise<void>): void {
    const tracked = work.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /** Resolves when every stopped egress has completed or failed. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private settle(job: J, { result, segments, error }: EgressOutcome): void {
    const { info } = job;
    if (segments) info.segmentResults = [segments];
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
    this.notify({ event: 'egress_ended', egressInfo: info.clone() });
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
