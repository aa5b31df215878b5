import {
  eventEditDefaults,
  eventEditFields,
  eventMessageInputSchema,
  eventPatchSchema,
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
