import type { EventInput, EventRegistrationSettings } from '@folkemote/domain';

export const demoOrganisations = [
  { slug: 'nordland-fylkeskommune', name: 'Nordland fylkeskommune' },
  { slug: 'somna-kommune', name: 'Sømna kommune' },
];

/** The example broadcast: its live page on the public site counts down to the start. */
export const demoBroadcastSlug = 'fylkestinget-svarer-direkte';

/** The example events every new installation shows. Contacts are roles at example addresses. */
export function demoEvents(now = new Date()): EventInput[] {
  const year = now.getUTCFullYear() + 1;
  return [
    {
      slug: 'trygge-lokalsamfunn-introduksjonsdag',
      title: 'Introduksjonsdag: Trygge lokalsamfunn for nye kommuner',
      description:
        'En innføring i modellen Trygge lokalsamfunn for kommuner som er nye i arbeidet: ' +
        'skade- og ulykkesforebygging, lokal forankring og hvordan kommunen blir sertifisert.\n\n' +
        'Det legges til rette for spørsmål mot slutten av webinaret.',
      startsAt: `${year}-01-20T09:00:00+01:00`,
      endsAt: `${year}-01-20T14:00:00+01:00`,
      organisationSlug: 'nordland-fylkeskommune',
      language: 'nb',
      contact: { name: 'Rådgiver folkehelse', email: 'folkehelse@example.no', phone: null },
    },
    {
      slug: 'robust-oppvekst-somna',
      title: 'Robust oppvekst? Erfaringer fra Sømna kommune',
      description:
        'Sømna kommune deler erfaringer fra folkehelseprosjektet «Robust oppvekst?»: ' +
        'hva de gjorde, hva som virket, og hva de ville gjort annerledes.\n\n' +
        'Det legges til rette for spørsmål mot slutten av webinaret.',
      startsAt: '2026-10-15T13:00:00+02:00',
      endsAt: '2026-10-15T14:30:00+02:00',
      organisationSlug: 'somna-kommune',
      language: 'nb',
      contact: { name: 'Folkehelsekoordinator', email: 'folkehelse@somna.example.no', phone: null },
    },
    {
      slug: demoBroadcastSlug,
      title: 'Fylkestinget svarer: kollektivtilbudet i Nordland',
      description:
        'Fylkesrådet svarer på spørsmål om buss, båt og ferje i Nordland. Sendingen går direkte på ' +
        'nettsida, og alle kan se på uten å logge inn.\n\n' +
        'Meld deg på for å stille spørsmål med din personlige lenke.',
      startsAt: `${year}-02-12T18:00:00+01:00`,
      endsAt: `${year}-02-12T19:30:00+01:00`,
      organisationSlug: 'nordland-fylkeskommune',
      language: 'nb',
      contact: { name: 'Kommunikasjonsrådgiver', email: 'post@nordland.example.no', phone: null },
    },
  ];
}

/** Registration settings of the examples, applied when they are first added: published, with a deadline. */
export function demoRegistrationSettings(
  event: EventInput,
): Partial<Omit<EventRegistrationSettings, 'cancelledAt'>> {
  const deadline = new Date(Date.parse(event.startsAt) - 2 * 24 * 3600_000).toISOString();
  return {
    status: 'published',
    registrationClosesAt: deadline,
    recorded: true,
    broadcast: event.slug === demoBroadcastSlug,
    ...(event.slug === 'trygge-lokalsamfunn-introduksjonsdag'
      ? { capacity: 100, waitlistEnabled: true }
      : {}),
  };
}
