import { eventEditSchema, eventPatchSchema, registrationInputSchema } from '@folkemote/domain';
import { eventMessageInputSchema } from '@folkemote/registration';
import type { z } from 'zod';
import { loginBodySchema } from '../routes/auth.ts';

/**
 * Every request body the API takes, as a zod schema (what the route really
 * checks) with an example. The document's JSON Schemas are generated from the
 * same zod schemas, and a test parses each example with them.
 */
export const requestBodies = {
  EventInput: {
    schema: eventEditSchema,
    example: {
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
      capacity: 80,
      waitlistEnabled: true,
      contact: { name: 'Planrådgiver', email: 'plan@kommune.example.no', phone: '+47 75 00 00 00' },
      recorded: true,
      retentionDays: 30,
      customQuestions: [{ id: 'tema', label: 'Hvilket tema er du mest opptatt av?', required: false }],
    },
  },
  EventPatch: {
    schema: eventPatchSchema,
    example: { startsAt: '2027-03-10T12:00', endsAt: '2027-03-10T13:30', capacity: 100 },
  },
  LoginInput: {
    schema: loginBodySchema,
    example: { email: 'arrangor@kommune.example.no', password: 'et langt og hemmelig passord' },
  },
  RegistrationInput: {
    schema: registrationInputSchema,
    example: {
      name: 'Kari Nordmann',
      email: 'kari@example.no',
      organisation: 'Sømna kommune',
      accessibilityNeeds: 'Teksting',
      answers: { tema: 'Folkehelse' },
      consent: true,
    },
  },
  EventMessageInput: {
    schema: eventMessageInputSchema,
    example: {
      subject: 'Lenke til presentasjonen',
      body: 'Takk for at du deltok. Presentasjonen ligger her: …',
    },
  },
} satisfies Record<string, { schema: z.ZodType; example: unknown }>;
