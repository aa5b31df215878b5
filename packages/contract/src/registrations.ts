import { registrationCheckInSchema, registrationInputSchema } from '@folkemote/domain';

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
export const checkInBody = registrationCheckInSchema.meta({ id: 'CheckIn', examples: [{ checkedIn: true }] });
