export { expectNoAxeViolations, formatViolations, runAxe, wcagTags } from './axe.ts';
export {
  chromiumArgs,
  type FakeMediaFiles,
  fakeMediaArgs,
  fakeMediaFileArgs,
  launchBrowser,
} from './browser.ts';
export { buildWebApp } from './build-web-app.ts';
export { FAKE_TONE_HZ, makeFakeMedia } from './fake-media.ts';
export {
  attemptConnect,
  attemptPublish,
  type HeldConnection,
  holdConnection,
  leaveHeldConnection,
  leavePublishAttempt,
  loadLiveKitClient,
  type PublishAttempt,
  readHeldConnection,
} from './livekit-in-page.ts';
export {
  type InboundMedia,
  installMediaProbe,
  type LocalTrackState,
  readInboundMedia,
  readLocalTracks,
  readTimeToFirstFrame,
  readVideoElements,
  type VideoElementState,
} from './media-probe.ts';
export { type RestartableLiveKit, startRestartableLiveKit } from './restartable-livekit.ts';
export { contentTypes, type StaticServer, serveDirectory } from './static-server.ts';
