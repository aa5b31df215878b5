import {
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
import { AccessToken } from 'livekit-server-sdk';
import { paceVideo, pumpTone } from '../../bench/paced-media.ts';
import { syntheticFrames } from '../../bench/synthetic-media.ts';
import { TEST_CREDENTIALS } from './contract-target.ts';

export interface MediaPublisher {
  stop(): Promise<void>;
}

const VIDEO = { width: 640, height: 360, fps: 15 } as const;
const AUDIO = { sampleRate: 48_000, channels: 1, frameMs: 10, toneHz: 440 } as const;

/**
 * A presenter in the room publishing a camera (a moving test pattern, 360p at 15 frames a
 * second: cheap to make) and a microphone playing a tone, paced by the clock as in `pnpm bench:live`.
 */
export async function publishMedia(url: string, room: string): Promise<MediaPublisher> {
  const token = new AccessToken(TEST_CREDENTIALS.apiKey, TEST_CREDENTIALS.apiSecret, {
    identity: `presenter-${room}`,
  });
  token.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: false });
  const connection = new Room();
  await connection.connect(url, await token.toJwt(), { autoSubscribe: false, dynacast: false });
  const participant = connection.localParticipant;
  if (!participant) throw new Error('connected without a local participant');

  const videoSource = new VideoSource(VIDEO.width, VIDEO.height);
  const camera = LocalVideoTrack.createVideoTrack('camera', videoSource);
  await participant.publishTrack(camera, new TrackPublishOptions({ source: TrackSource.SOURCE_CAMERA }));
  const audioSource = new AudioSource(AUDIO.sampleRate, AUDIO.channels);
  const microphone = LocalAudioTrack.createAudioTrack('microphone', audioSource);
  await participant.publishTrack(
    microphone,
    new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
  );

  const frames = syntheticFrames(VIDEO.width, VIDEO.height, VIDEO.fps).map(
    (data) => new VideoFrame(data, VIDEO.width, VIDEO.height, VideoBufferType.I420),
  );
  const pacer = paceVideo(videoSource, frames, VIDEO.fps);
  let stopping = false;
  const tone = pumpTone(audioSource, AUDIO, () => stopping);
  return {
    async stop() {
      stopping = true;
      clearInterval(pacer);
      await tone;
      await connection.disconnect();
    },
  };
}
