export type { SourceName } from './participant-permission.ts';
export { SOURCE_NAMES } from './participant-permission.ts';
export {
  type SimulatedParticipant,
  StandInClientError,
  type StandInClientErrorCode,
} from './simulated-clients.ts';
export type { StandInControls, StandInSnapshot } from './stand-in-controls.ts';
export * from './start-livekit-stand-in.ts';
export type { WebhookDelivery } from './webhook-sender.ts';
