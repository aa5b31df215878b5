/**
 * The presenter of `pnpm bench:live`, in a process of its own: joins the room on stage and
 * publishes a 720p camera at 30 frames a second (simulcast, as browsers publish) and a 48 kHz
 * microphone playing a tone. Frames are given to rtc-node's VideoSource by the clock, as a camera
 * would: when the process falls behind, frames are skipped, not queued.
 */
import {
  AudioSource,
  dispose,
  LocalAudioTrack,
  LocalVideoTrack,
  Room,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoFrame,
  VideoSource,
} from '@livekit/rtc-node';
import { serveParent } from './child-rpc.ts';
import { paceVideo, pumpTone } from './paced-media.ts';
import { type SentVideo, sentVideo, trackStats } from './rtc-stats.ts';
import { PRESENTER_AUDIO, PRESENTER_VIDEO, syntheticFrames } from './synthetic-media.ts';

export type PresenterCommand =
  | { type: 'publish'; url: string; token: string }
  | { type: 'stats' }
  | { type: 'stop' };
export type PresenterReply =
  | { type: 'published' }
  | { type: 'stats'; video: SentVideo; framesCaptured: number; audioFramesRefused: number }
  | { type: 'stopped' };

let room: Room | undefined;
let videoTrack: LocalVideoTrack | undefined;
let framesCaptured = 0;
let audioFramesRefused = 0;
let stopping = false;
const timers: NodeJS.Timeout[] = [];

async function publish(url: string, token: string): Promise<void> {
  room = new Room();
  await room.connect(url, token, { autoSubscribe: false, dynacast: false });
  const participant = room.localParticipant;
  if (!participant) throw new Error('connected without a local participant');
  const { width, height, fps, maxBitrate } = PRESENTER_VIDEO;
  const videoSource = new VideoSource(width, height);
  videoTrack = LocalVideoTrack.createVideoTrack('camera', videoSource);
  await participant.publishTrack(
    videoTrack,
    new TrackPublishOptions({
      source: TrackSource.SOURCE_CAMERA,
      simulcast: true,
      videoEncoding: { maxBitrate: BigInt(maxBitrate), maxFramerate: fps },
    }),
  );
  const { sampleRate, channels } = PRESENTER_AUDIO;
  const audioSource = new AudioSource(sampleRate, channels);
  const audioTrack = LocalAudioTrack.createAudioTrack('microphone', audioSource);
  await participant.publishTrack(
    audioTrack,
    new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
  );

  const frames = syntheticFrames(width, height, fps).map(
    (data) => new VideoFrame(data, width, height, VideoBufferType.I420),
  );
  timers.push(paceVideo(videoSource, frames, fps, () => (framesCaptured += 1)));
  void pumpTone(
    audioSource,
    PRESENTER_AUDIO,
    () => stopping,
    () => (audioFramesRefused += 1),
  );
}

async function stop(): Promise<void> {
  stopping = true;
  for (const timer of timers) clearInterval(timer);
  await room?.disconnect();
  await dispose();
  setImmediate(() => process.exit(0));
}

serveParent<PresenterCommand, PresenterReply>(async (command) => {
  switch (command.type) {
    case 'publish':
      await publish(command.url, command.token);
      return { type: 'published' };
    case 'stats': {
      if (!videoTrack) throw new Error('nothing published yet');
      return {
        type: 'stats',
        video: sentVideo(await trackStats(videoTrack)),
        framesCaptured,
        audioFramesRefused,
      };
    }
    case 'stop':
      await stop();
      return { type: 'stopped' };
  }
});
