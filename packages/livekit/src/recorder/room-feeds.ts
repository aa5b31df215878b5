import {
  AudioStream,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
  type Room,
  RoomEvent,
  TrackKind,
  TrackSource,
  VideoBufferType,
  type VideoFrame,
  VideoStream,
} from '@livekit/rtc-node';
import type { AudioMix } from './audio-mix.ts';
import { MIX_CHANNELS, MIX_SAMPLE_RATE } from './composite-encoder.ts';
import { type Aspect, toPgmYuv } from './pgmyuv-frame.ts';
import { featuredFeed, type VideoFeed } from './speaker-layout.ts';

const MIN_PICTURE_SIDE = 16;

interface VideoTrackState extends VideoFeed {
  frame?: VideoFrame;
  /** The frame as PGMYUV, made when first needed. */
  image?: Buffer;
}

/**
 * What the recorder hears and sees of a room: the latest frame of every subscribed video track,
 * the samples of every audio track (into the mix), and which video the speaker layout shows.
 * Tracks may come and go at any time: a screen share starts or stops, a presenter leaves.
 */
export class RoomFeeds {
  private readonly videos = new Map<string, VideoTrackState>();
  private readonly audios = new Set<string>();
  private speakers: string[] = [];
  private featured: string | undefined;
  private order = 0;
  private readonly blank: Buffer;
  private shown: Buffer;

  constructor(
    private readonly room: Room,
    private readonly mix: AudioMix | null,
    private readonly canvas: Aspect,
  ) {
    this.blank = blankImage(canvas);
    this.shown = this.blank;
    room.on(RoomEvent.TrackSubscribed, this.onSubscribed);
    room.on(RoomEvent.TrackUnsubscribed, this.onUnsubscribed);
    room.on(RoomEvent.ParticipantDisconnected, this.onParticipantLeft);
    room.on(RoomEvent.ActiveSpeakersChanged, this.onSpeakers);
  }

  /**
   * The picture for the file's next frame: the featured video's latest frame, or black when no
   * video is published. A feed just put on screen leaves the picture before it there until its
   * first frame arrives, rather than a flash of black.
   */
  currentImage(): Buffer {
    const feed = this.featured === undefined ? undefined : this.videos.get(this.featured);
    if (!feed) {
      this.shown = this.blank;
    } else if (feed.frame) {
      if (!feed.image) {
        const frame =
          feed.frame.type === VideoBufferType.I420 ? feed.frame : feed.frame.convert(VideoBufferType.I420);
        feed.image = toPgmYuv(frame, this.canvas);
      }
      this.shown = feed.image;
    }
    return this.shown;
  }

  /** The track the layout shows now (tests and logs). */
  featuredTrack(): string | undefined {
    return this.featured;
  }

  detach(): void {
    this.room.off(RoomEvent.TrackSubscribed, this.onSubscribed);
    this.room.off(RoomEvent.TrackUnsubscribed, this.onUnsubscribed);
    this.room.off(RoomEvent.ParticipantDisconnected, this.onParticipantLeft);
    this.room.off(RoomEvent.ActiveSpeakersChanged, this.onSpeakers);
    this.videos.clear();
    for (const sid of this.audios) this.mix?.remove(sid);
    this.audios.clear();
  }

  private readonly onSubscribed = (
    track: RemoteTrack,
    publication: RemoteTrackPublication,
    participant: RemoteParticipant,
  ): void => {
    const sid = publication.sid ?? track.sid ?? '';
    if (track.kind === TrackKind.KIND_VIDEO) {
      const source = publication.source === TrackSource.SOURCE_SCREENSHARE ? 'screen_share' : 'camera';
      this.videos.set(sid, { trackSid: sid, identity: participant.identity, source, order: this.order++ });
      this.relayout();
      void this.readVideo(sid, track);
    } else if (track.kind === TrackKind.KIND_AUDIO && this.mix) {
      this.audios.add(sid);
      this.mix.add(sid);
      void this.readAudio(sid, track);
    }
  };

  private readonly onUnsubscribed = (_track: RemoteTrack, publication: RemoteTrackPublication): void => {
    this.forget(publication.sid ?? '');
  };

  private readonly onParticipantLeft = (participant: RemoteParticipant): void => {
    for (const [sid, feed] of this.videos) if (feed.identity === participant.identity) this.forget(sid);
    for (const publication of participant.trackPublications.values()) this.forget(publication.sid ?? '');
  };

  private readonly onSpeakers = (speakers: { identity: string }[]): void => {
    this.speakers = speakers.map((speaker) => speaker.identity);
    this.relayout();
  };

  private forget(sid: string): void {
    if (this.videos.delete(sid)) this.relayout();
    if (this.audios.delete(sid)) this.mix?.remove(sid);
  }

  private relayout(): void {
    this.featured = featuredFeed([...this.videos.values()], this.speakers, this.featured);
  }

  private async readVideo(sid: string, track: RemoteTrack): Promise<void> {
    try {
      for await (const { frame } of new VideoStream(track)) {
        const feed = this.videos.get(sid);
        if (!feed) break;
        // WebRTC ends a track with a tiny black frame; it is no picture of the presenter's.
        if (frame.width < MIN_PICTURE_SIDE || frame.height < MIN_PICTURE_SIDE) continue;
        feed.frame = frame;
        feed.image = undefined;
      }
    } catch {
      // The track went away under the reader: its frames simply stop.
    }
  }

  private async readAudio(sid: string, track: RemoteTrack): Promise<void> {
    const stream = new AudioStream(track, { sampleRate: MIX_SAMPLE_RATE, numChannels: MIX_CHANNELS });
    try {
      for await (const frame of stream) {
        if (!this.audios.has(sid)) break;
        this.mix?.push(sid, frame.data);
      }
    } catch {
      // As for video.
    }
  }
}

/** A black PGMYUV picture in the canvas's shape; the scaler fits it like any other. */
export function blankImage(canvas: Aspect): Buffer {
  const w = 16;
  const h = Math.max(2, Math.round((w * canvas.height) / canvas.width / 2) * 2);
  const data = new Uint8Array((w * h * 3) / 2);
  data.fill(16, 0, w * h);
  data.fill(128, w * h);
  return toPgmYuv({ width: w, height: h, data }, canvas);
}
