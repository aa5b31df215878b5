import {
  type BroadcastManifest,
  broadcastManifestSchema,
  type EventMode,
  eventModes,
  type PublicEvent,
} from '@folkemote/domain';
import { z } from 'zod';
import { baseUrlSchema, describeIssues, eventSchema, idSchema } from './types.ts';

/**
 * What the live page of a broadcast (`replays/<broadcastId>/index.html`, its embed and oEmbed) is
 * rendered from: only what the event's public page shows already, nothing of its registrants.
 */
export interface LiveInput {
  /** The public base URL of the bucket, without a trailing slash. */
  baseUrl: string;
  siteName?: string;
  broadcastId: string;
  event: PublicEvent & { mode: EventMode; address: string | null };
  /** The event's page in the web app (details and registration); null where there is none to link to. */
  eventPageUrl: string | null;
  /** The state the page is rendered in; its script follows `broadcast.json` from there. */
  manifest: BroadcastManifest;
}

const httpUrlSchema = z.url({ protocol: /^https?$/ });

export const liveInputSchema = z.object({
  baseUrl: baseUrlSchema,
  siteName: z.string().min(1).max(200).optional(),
  broadcastId: idSchema,
  event: eventSchema.extend({ mode: z.enum(eventModes), address: z.string().nullable() }),
  eventPageUrl: httpUrlSchema.nullable(),
  manifest: broadcastManifestSchema,
});

/** Checks a live input before anything is rendered from it; throws listing every bad field. */
export function parseLiveInput(input: LiveInput): LiveInput {
  const result = liveInputSchema.safeParse(input);
  if (!result.success) throw describeIssues('live input', result.error);
  return input;
}
