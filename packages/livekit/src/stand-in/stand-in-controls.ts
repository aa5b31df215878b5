import type { WebhookDelivery } from './webhook-sender.ts';

/** Test hooks shared by the in-process handle and the HTTP test API. */
export interface StandInControls {
  /** The next `count` webhook events are lost (to test reconciliation with ListEgress); 0 stops losing them. */
  dropNextWebhooks(count: number): void;
  /** The next `count` webhook events are delivered twice with the same id; 0 stops repeating. */
  repeatNextWebhooks(count: number): void;
  /** The next egress to be stopped ends EGRESS_FAILED with this error instead of uploading. */
  failNextEgress(error?: string): void;
  webhookDeliveries(): WebhookDelivery[];
  /** Rooms with their participants and every egress, as protojson (camelCase). */
  snapshot(): StandInSnapshot;
}

export interface StandInSnapshot {
  rooms: { room: unknown; participants: unknown[] }[];
  egress: unknown[];
}
