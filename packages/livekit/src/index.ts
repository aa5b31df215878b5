export type { VideoGrant, WebhookEventNames } from 'livekit-server-sdk';
export {
  DataPacket_Kind,
  EgressInfo,
  EgressStatus,
  ParticipantInfo,
  ParticipantPermission,
  Room,
  TrackInfo,
  TrackSource,
  WebhookEvent,
} from 'livekit-server-sdk';
export * from './create-participant-token.ts';
export * from './livekit-control.ts';
export * from './livekit-error.ts';
export * from './role-grants.ts';
export * from './room-name.ts';
export * from './server-binary.ts';
export * from './server-process.ts';
export * from './settings.ts';
export * from './stand-in/index.ts';
export * from './verify-webhook.ts';
