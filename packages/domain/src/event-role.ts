import { z } from 'zod';

/**
 * Who someone is in a webinar. Hosts run it (organisers, or a host link), presenters are on stage
 * with camera and microphone, moderators steer the Q&A and the stage without media of their own,
 * attendees are confirmed registrants who watch, raise a hand, ask and vote.
 */
export const eventRoles = ['host', 'presenter', 'moderator', 'attendee'] as const;
export type EventRole = (typeof eventRoles)[number];

/** The roles an organiser can hand out by link. */
export const staffRoles = ['host', 'presenter', 'moderator'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffInviteSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(120, 'must be at most 120 characters')
    .refine((v) => !/[<>]/.test(v), 'must not contain < or >'),
  role: z.enum(staffRoles, 'must be host, presenter or moderator'),
  /** Where to send the link (with a calendar file); not kept with the link. Empty: not sent. */
  email: z
    .string()
    .trim()
    .max(254, 'must be at most 254 characters')
    .pipe(z.union([z.literal(''), z.email('must be a valid e-mail address')]))
    .optional(),
});
export type StaffInvite = z.infer<typeof staffInviteSchema>;

/** Roles that may run the room: open the backstage, go live, end, record. */
export function canRunRoom(role: EventRole): boolean {
  return role === 'host' || role === 'presenter';
}

/** Roles on stage by role: their access token publishes camera, microphone and screen from the start. */
export function onStageByRole(role: EventRole): boolean {
  return role === 'host' || role === 'presenter';
}

/** Roles that may steer people: the stage, removals, muting, and the Q&A queue. */
export function canModerate(role: EventRole): boolean {
  return role !== 'attendee';
}
