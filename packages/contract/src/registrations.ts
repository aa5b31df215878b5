import {
  attendances,
  registrationCheckInSchema,
  registrationInputSchema,
  registrationStatuses,
} from '@folkemote/domain';
import { z } from 'zod';
import { attendanceCountsSchema, publicEventPageSchema, registrationCountsSchema } from './events.ts';

export const registrationInputBody = registrationInputSchema.meta({
  id: 'Registration',
  examples: [
    {
      name: 'Kari Nordmann',
      email: 'kari@example.no',
      organisation: 'Sømna kommune',
      accessibilityNeeds: 'Teksting',
      answers: { tema: 'Folkehelse' },
      consent: true,
    },
  ],
});
/** What the public form sends; an unticked consent is sent as it is, and refused (400). */
export type RegistrationRequest = Omit<z.input<typeof registrationInputBody>, 'consent'> & {
  consent: boolean;
};
export const checkInBody = registrationCheckInSchema.meta({ id: 'CheckIn', examples: [{ checkedIn: true }] });

/** A registrant's own view of their registration (from the personal link), and a row of the organiser's list. */
export const registrationViewSchema = z
  .object({
    id: z.string(),
    eventSlug: z.string(),
    status: z.enum(registrationStatuses),
    name: z.string(),
    email: z.string(),
    organisation: z.string().nullable(),
    accessibilityNeeds: z.string().nullable(),
    answers: z.record(z.string(), z.string()),
    attendance: z.enum(attendances).nullable(),
    consentAt: z.string(),
    createdAt: z.string(),
    cancelledAt: z.string().nullable(),
    checkedInAt: z.string().nullable(),
  })
  .meta({ id: 'RegistrationView' });
export type RegistrationRow = z.output<typeof registrationViewSchema>;

/** What registering answers: 201 for a new registration, 200 for an address registered before. */
export const registrationResultSchema = z
  .object({
    id: z.string(),
    status: z.enum(['confirmed', 'waitlisted']),
    joinUrl: z.string().nullable().describe('The personal link, for a registration this request made only'),
    alreadyRegistered: z.boolean(),
  })
  .meta({ id: 'RegistrationResult' });
export type RegistrationResult = z.output<typeof registrationResultSchema>;

export const ownRegistrationSchema = z
  .object({ registration: registrationViewSchema, event: publicEventPageSchema })
  .meta({ id: 'OwnRegistration' });
export type OwnRegistration = z.output<typeof ownRegistrationSchema>;
export const cancelledRegistrationSchema = z
  .object({ registration: registrationViewSchema })
  .meta({ id: 'CancelledRegistration' });
export const registrantDataDeletedSchema = z
  .object({ deleted: z.literal(true), eventSlug: z.string().nullable() })
  .meta({ id: 'RegistrantDataDeleted' });

export const registrationListQuery = z.object({
  format: z.enum(['json', 'csv'], 'format must be "json" or "csv"').optional(),
  /** The language of the CSV's headers and values: the organiser's own; the event's without it. */
  lang: z.enum(['nb', 'nn', 'en'], 'lang must be "nb", "nn" or "en"').optional(),
});

/** The organiser's registrations list. */
export const eventRegistrationsSchema = z
  .object({
    counts: registrationCountsSchema,
    attendance: attendanceCountsSchema.nullable().describe('In person and online, for a hybrid event'),
    capacity: z.number().nullable(),
    registrations: z.array(registrationViewSchema),
  })
  .meta({ id: 'EventRegistrations' });
export type EventRegistrations = z.output<typeof eventRegistrationsSchema>;

/** Who of the registrants was in the live room, first when and how long. */
export const roomAttendanceReportSchema = z
  .object({
    counts: z.object({
      registered: z.number(),
      attended: z.number(),
      replayViews: z.null(),
      replayViewsNote: z.literal('not_counted'),
    }),
    byAttendance: z
      .object({ registered: attendanceCountsSchema, attended: attendanceCountsSchema })
      .nullable(),
    registrants: z.array(
      z.object({
        registrationId: z.string(),
        name: z.string(),
        email: z.string(),
        status: z.enum(registrationStatuses),
        attended: z.boolean(),
        firstJoinedAt: z.string().nullable(),
        totalMinutes: z.number(),
      }),
    ),
  })
  .meta({ id: 'RoomAttendanceReport' });
export type RoomAttendanceReport = z.output<typeof roomAttendanceReportSchema>;
