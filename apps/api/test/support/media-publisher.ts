import {
  AudioFrame,
  AudioSource,
  LocalAudioTrack,
  LocalVideoTrack,
  Room,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoFrame,
  VideoSource,
} from '@livekit/rtc-node';
import {
  PATTERN_FPS,
  PATTERN_HEIGHT,
  PATTERN_WIDTH,
  type PatternSource,
  testPicture,
} from './test-pattern.ts';

export const TONE_HZ = 1000;
const SAMPLE_RATE = 48_000;
const SAMPLES_PER_FRAME = SAMPLE_RATE / 100;

export interface MediaPublisher {
  /** Publishes a screen share of its own pattern beside the camera. */
  startScreenShare(): Promise<void>;
  stopScreenShare(): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * A presenter on LiveKit's Node SDK, as a browser would be: a camera sending the test pattern,
 * its frame numbers following the wall clock, and a microphone sending a steady 1 kHz tone.
 */
export async function publishTestMedia(url: string, token: string): Promise<MediaPublisher> {
  const room = new Room();
  await room.connect(url, token, { autoSubscribe: false, dynacast: false });
  const participant = room.localParticipant!;
  const camera = await publishPattern(room, 'camera');
  const microphone = new AudioSource(SAMPLE_RATE, 1);
  await participant.publishTrack(
    LocalAudioTrack.createAudioTrack('microphone', microphone),
    new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
  );
  let speaking = true;
  const tone = (async () => {
    for (let n = 0; speaking; n += SAMPLES_PER_FRAME) {
      const samples = new Int16Array(SAMPLES_PER_FRAME);
      for (let i = 0; i < samples.length; i++) {
        samples[i] = Math.round(0.3 * 32767 * Math.sin((2 * Math.PI * TONE_HZ * (n + i)) / SAMPLE_RATE));
      }
      // The source's queue paces the loop at real time.
      await microphone.captureFrame(new AudioFrame(samples, SAMPLE_RATE, 1, SAMPLES_PER_FRAME));
    }
  })();
  let screen: PublishedPattern | null = null;
  return {
    async startScreenShare() {
      screen = await publishPattern(room, 'screen_share');
    },
    async stopScreenShare() {
      await screen?.unpublish();
      screen = null;
    },
    async disconnect() {
      speaking = false;
      await tone.catch(() => undefined);
      await screen?.unpublish();
      await camera.unpublish();
      await room.disconnect();
    },
  };
}

interface PublishedPattern {
  unpublish(): Promise<void>;
}

async function publishPattern(room: Room, source: PatternSource): Promise<PublishedPattern> {
  const video = new VideoSource(PATTERN_WIDTH, PATTERN_HEIGHT);
  const track = LocalVideoTrack.createVideoTrack(source, video);
  const publication = await room.localParticipant!.publishTrack(
    track,
    new TrackPublishOptions({
      source: source === 'camera' ? TrackSource.SOURCE_CAMERA : TrackSource.SOURCE_SCREENSHARE,
      simulcast: false,
      videoEncoding: { maxBitrate: 2_500_000n, maxFramerate: PATTERN_FPS },
    }),
  );
  const started = performance.now();
  const timer = setInterval(() => {
    const index = Math.floor(((performance.now() - started) * PATTERN_FPS) / 1000);
    const picture = testPicture(index, source);
    video.captureFrame(new VideoFrame(picture, PATTERN_WIDTH, PATTERN_HEIGHT, VideoBufferType.I420));
  }, 1000 / PATTERN_FPS);
  return {
    async unpublish() {
      clearInterval(timer);
      await room.localParticipant!.unpublishTrack(publication.sid!);
      await video.close();
    },
  };
}
