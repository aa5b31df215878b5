import {
  broadcastStatuses,
  eventEditDefaults,
  eventEditFields,
  eventMessageInputSchema,
  eventModes,
  eventPatchSchema,
  eventStatuses,
  locales,
  registrationStates,
} from '@folkemote/domain';
import { z } from 'zod';

/** A field left out of a new event takes its default; the route checks the whole event after. */
const eventCreateFields = Object.fromEntries(
  Object.entries(eventEditFields).map(([name, field]) => [
    name,
    name in eventEditDefaults
      ? (field as z.ZodType).default(eventEditDefaults[name as keyof typeof eventEditDefaults] as never)
      : field,
  ]),
) as typeof eventEditFields;

export const eventInputBody = z.object(eventCreateFields).meta({
  id: 'Event',
  notAnObject: 'Send the event as a JSON object',
  examples: [
    {
      title: 'Kommuneplanens samfunnsdel – innspillsmøte',
      slug: 'kommuneplan-innspill',
      description: 'Vi går gjennom **planforslaget** og tar imot innspill.',
      startsAt: '2027-03-10T10:00',
      endsAt: '2027-03-10T11:30:00+01:00',
      mode: 'hybrid',
      address: 'Rådhuset, Storgata 1, 8900 Brønnøysund',
      language: 'nb',
      registrationOpensAt: null,
      registrationClosesAt: '2027-03-09T12:00',
      capacity: null,
      roomCapacity: 80,
      waitlistEnabled: true,
      contact: { name: 'Planrådgiver', email: 'plan@kommune.example.no', phone: '+47 75 00 00 00' },
      recorded: true,
      broadcast: true,
      retentionDays: 30,
      customQuestions: [{ id: 'tema', label: 'Hvilket tema er du mest opptatt av?', required: false }],
    },
  ],
});
export const eventPatchBody = eventPatchSchema.meta({
  id: 'EventPatch',
  notAnObject: 'Send the changes as a JSON object',
  examples: [{ startsAt: '2027-03-10T12:00', endsAt: '2027-03-10T13:30', capacity: 100 }],
});
export const eventMessageBody = eventMessageInputSchema.meta({
  id: 'EventMessage',
  examples: [
    { subject: 'Lenke til presentasjonen', body: 'Takk for at du deltok. Presentasjonen ligger her: …' },
  ],
});

const eventContactView = z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() });
const customQuestionView = z.object({ id: z.string(), label: z.string(), required: z.boolean() });
export const registrationCountsSchema = z
  .object({ confirmed: z.number(), waitlisted: z.number(), cancelled: z.number() })
  .meta({ id: 'RegistrationCounts' });
/** Of a hybrid event's active registrations: how many come in person and how many online. */
export const attendanceCountsSchema = z
  .object({ in_person: z.number(), online: z.number() })
  .meta({ id: 'AttendanceCounts' });
export type AttendanceCounts = z.output<typeof attendanceCountsSchema>;

/** An event as the public pages and the registration see it: settings, seats left, whether one can register. */
const publicEventViewFields = {
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  language: z.enum(locales),
  organisation: z.object({ slug: z.string(), name: z.string() }),
  contact: eventContactView,
  status: z.enum(eventStatuses),
  mode: z.enum(eventModes),
  address: z.string().nullable(),
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string().nullable(),
  capacity: z.number().nullable(),
  roomCapacity: z.number().nullable(),
  waitlistEnabled: z.boolean(),
  recorded: z.boolean(),
  /** Sent live on the public site, where anyone watches without signing in. */
  broadcast: z.boolean(),
  retentionDays: z.number(),
  customQuestions: z.array(customQuestionView),
  cancelledAt: z.string().nullable(),
  seatsLeft: z.number().nullable(),
  roomSeatsLeft: z.number().nullable(),
  registrationState: z.enum(registrationStates),
};
export const publicEventViewSchema = z.object(publicEventViewFields).meta({ id: 'PublicEventView' });

/** An event as the public API answers it: the description as safe HTML and as text, whether it is over, its replay. */
export const publicEventPageSchema = z
  .object({
    ...publicEventViewFields,
    descriptionHtml: z.string(),
    descriptionText: z.string(),
    hasEnded: z.boolean(),
    replayUrl: z.string().nullable(),
    /** A broadcast event's page on the public site (live, then the replay at the same address). */
    broadcastUrl: z.string().nullable(),
  })
  .meta({ id: 'PublicEventPage' });
export type PublicEventPage = z.output<typeof publicEventPageSchema>;
export const publicEventListSchema = z
  .object({ events: z.array(publicEventPageSchema) })
  .meta({ id: 'PublicEventList' });

/** An event as its organisers see it: every setting, the status, counts, and the description as safe HTML. */
export const organiserEventSchema = z
  .object({ ...publicEventViewFields, descriptionHtml: z.string(), counts: registrationCountsSchema })
  .meta({ id: 'OrganiserEvent' });
export type OrganiserEvent = z.output<typeof organiserEventSchema>;
export const organiserEventListSchema = z
  .object({ events: z.array(organiserEventSchema) })
  .meta({ id: 'OrganiserEventList' });

export const eventMessageSentSchema = z
  .object({ messageId: z.string(), recipients: z.number() })
  .meta({ id: 'EventMessageSent' });

/**
 * A broadcast event's place on the public site, for its organisers: the address (the live page,
 * and the replay once it ends), the embed's address and a ready iframe snippet.
 */
export const eventBroadcastSchema = z
  .object({
    id: z.string(),
    status: z.enum(broadcastStatuses),
    liveSince: z.string().nullable(),
    endedAt: z.string().nullable(),
    url: z.string(),
    embedUrl: z.string(),
    embedCode: z.string(),
  })
  .meta({ id: 'EventBroadcast' });
export type EventBroadcast = z.output<typeof eventBroadcastSchema>;
