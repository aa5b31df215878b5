import { z } from 'zod';

/**
 * What an open event stream was let in with: a registrant's personal link (the
 * registration id), a staff link (its id), an organiser's browser session (the
 * SHA-256 of the session id, as the database keeps it) or an organiser API token (its id).
 */
export const streamGrantKinds = ['registration', 'staff', 'organiser_session', 'api_token'] as const;
export type StreamGrantKind = (typeof streamGrantKinds)[number];

const id = z.string().min(1).max(200);

/**
 * A right withdrawn, as announced to every API instance, which closes the
 * matching open streams; the reconnection then meets the usual refusal.
 * Ids only, never a name or an address.
 */
export const accessWithdrawalSchema = z.discriminatedUnion('scope', [
  /** Every stream opened with this grant: a revoked link, a cancelled or deleted registration, a sign-out. */
  z.object({
    scope: z.literal('grant'),
    kind: z.enum(streamGrantKinds),
    id,
    /** The one event the grant is for, when known: its room is where LiveKit may have them. */
    eventId: z.uuid().optional(),
  }),
  /** The room streams of someone removed from the event's live room. */
  z.object({ scope: z.literal('room_participant'), eventId: z.uuid(), identity: id }),
  /** Every stream of the event opened with a personal link: the registrant data is gone. */
  z.object({ scope: z.literal('registrations'), eventId: z.uuid() }),
  /** Every stream of the event: it has been cancelled. */
  z.object({ scope: z.literal('event'), eventId: z.uuid() }),
]);
export type AccessWithdrawal = z.infer<typeof accessWithdrawalSchema>;

/** One channel for every event: withdrawals are rare, and each instance subscribes to it once. */
export function accessWithdrawalChannel(prefix: string): string {
  return `${prefix}:access-withdrawn`;
}

export async function publishAccessWithdrawal(
  redis: { publish(channel: string, message: string): Promise<unknown> },
  prefix: string,
  withdrawal: AccessWithdrawal,
): Promise<void> {
  await redis.publish(
    accessWithdrawalChannel(prefix),
    JSON.stringify(accessWithdrawalSchema.parse(withdrawal)),
  );
}

/** The withdrawal a message carries, or null for anything else. */
export function readAccessWithdrawal(message: string): AccessWithdrawal | null {
  try {
    const parsed = accessWithdrawalSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
