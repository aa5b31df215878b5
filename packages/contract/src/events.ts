import { eventEditSchema, eventMessageInputSchema, eventPatchSchema } from '@folkemote/domain';

export const eventInputBody = eventEditSchema.meta({
  id: 'Event',
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
  examples: [{ startsAt: '2027-03-10T12:00', endsAt: '2027-03-10T13:30', capacity: 100 }],
});
export const eventMessageBody = eventMessageInputSchema.meta({
  id: 'EventMessage',
  examples: [
    { subject: 'Lenke til presentasjonen', body: 'Takk for at du deltok. Presentasjonen ligger her: …' },
  ],
});
