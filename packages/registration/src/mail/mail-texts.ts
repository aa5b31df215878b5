import type { Locale } from '@folkemote/domain';

export interface MailTexts {
  greeting: (name: string) => string;
  subject: {
    confirmed: (title: string) => string;
    waitlisted: (title: string) => string;
    promoted: (title: string) => string;
    reminder24h: (title: string) => string;
    reminder1h: (title: string) => string;
    changed: (title: string) => string;
    cancelled: (title: string) => string;
  };
  body: {
    confirmed: string;
    waitlisted: string;
    promoted: string;
    reminder24h: string;
    reminder1h: string;
    changed: string;
    cancelled: string;
    messageFrom: (organisation: string) => string;
  };
  when: string;
  where: string;
  online: string;
  personalLink: string;
  cancelHint: string;
  recorded: string;
  contact: string;
  invitationAttached: string;
  footer: string;
}

/** E-mail and calendar text; the event's language decides which. */
export const mailTexts: Record<Locale, MailTexts> = {
  nb: {
    greeting: (name) => `Hei ${name},`,
    subject: {
      confirmed: (t) => `Påmeldingen er bekreftet: ${t}`,
      waitlisted: (t) => `Du står på venteliste: ${t}`,
      promoted: (t) => `Du har fått plass: ${t}`,
      reminder24h: (t) => `Påminnelse: ${t} starter i morgen`,
      reminder1h: (t) => `Påminnelse: ${t} starter om en time`,
      changed: (t) => `Endring: ${t}`,
      cancelled: (t) => `Avlyst: ${t}`,
    },
    body: {
      confirmed: 'Du er påmeldt. Velkommen!',
      waitlisted: 'Arrangementet er fullt, så du står på venteliste. Du får e-post hvis du får plass.',
      promoted: 'En plass ble ledig, og du har fått den. Du er nå påmeldt.',
      reminder24h: 'Arrangementet starter om omtrent et døgn.',
      reminder1h: 'Arrangementet starter om omtrent en time.',
      changed: 'Arrangøren har endret arrangementet. Her er de oppdaterte opplysningene.',
      cancelled: 'Arrangementet er avlyst. Vi beklager.',
      messageFrom: (o) => `Melding fra ${o}:`,
    },
    when: 'Tid',
    where: 'Sted',
    online: 'Nett (lenken nedenfor)',
    personalLink: 'Din personlige lenke (bli med, se eller slett dine opplysninger):',
    cancelHint: 'Kan du ikke delta? Meld deg av her, så får en annen plassen:',
    recorded: 'Webinaret blir tatt opp.',
    contact: 'Kontakt',
    invitationAttached: 'Kalenderinvitasjonen ligger ved.',
    footer: 'Ikke del lenken din: den gir tilgang til påmeldingen din.',
  },
  nn: {
    greeting: (name) => `Hei ${name},`,
    subject: {
      confirmed: (t) => `Påmeldinga er stadfesta: ${t}`,
      waitlisted: (t) => `Du står på venteliste: ${t}`,
      promoted: (t) => `Du har fått plass: ${t}`,
      reminder24h: (t) => `Påminning: ${t} byrjar i morgon`,
      reminder1h: (t) => `Påminning: ${t} byrjar om ein time`,
      changed: (t) => `Endring: ${t}`,
      cancelled: (t) => `Avlyst: ${t}`,
    },
    body: {
      confirmed: 'Du er påmeld. Velkomen!',
      waitlisted: 'Arrangementet er fullt, så du står på venteliste. Du får e-post om du får plass.',
      promoted: 'Ein plass vart ledig, og du har fått han. Du er no påmeld.',
      reminder24h: 'Arrangementet byrjar om omtrent eitt døgn.',
      reminder1h: 'Arrangementet byrjar om omtrent ein time.',
      changed: 'Arrangøren har endra arrangementet. Her er dei oppdaterte opplysningane.',
      cancelled: 'Arrangementet er avlyst. Vi beklagar.',
      messageFrom: (o) => `Melding frå ${o}:`,
    },
    when: 'Tid',
    where: 'Stad',
    online: 'Nett (lenkja nedanfor)',
    personalLink: 'Den personlege lenkja di (bli med, sjå eller slett opplysningane dine):',
    cancelHint: 'Kan du ikkje delta? Meld deg av her, så får ein annan plassen:',
    recorded: 'Webinaret blir teke opp.',
    contact: 'Kontakt',
    invitationAttached: 'Kalenderinvitasjonen ligg ved.',
    footer: 'Ikkje del lenkja di: ho gjev tilgang til påmeldinga di.',
  },
  en: {
    greeting: (name) => `Hello ${name},`,
    subject: {
      confirmed: (t) => `Registration confirmed: ${t}`,
      waitlisted: (t) => `You are on the waiting list: ${t}`,
      promoted: (t) => `You have a seat: ${t}`,
      reminder24h: (t) => `Reminder: ${t} starts tomorrow`,
      reminder1h: (t) => `Reminder: ${t} starts in an hour`,
      changed: (t) => `Changed: ${t}`,
      cancelled: (t) => `Cancelled: ${t}`,
    },
    body: {
      confirmed: 'You are registered. Welcome!',
      waitlisted: 'The event is full, so you are on the waiting list. We will e-mail you if a seat frees up.',
      promoted: 'A seat became free and it is yours. You are now registered.',
      reminder24h: 'The event starts in about a day.',
      reminder1h: 'The event starts in about an hour.',
      changed: 'The organiser has changed the event. Here are the updated details.',
      cancelled: 'The event has been cancelled. We are sorry.',
      messageFrom: (o) => `A message from ${o}:`,
    },
    when: 'When',
    where: 'Where',
    online: 'Online (link below)',
    personalLink: 'Your personal link (join, see or delete your details):',
    cancelHint: 'Cannot attend? Cancel here so someone else gets the seat:',
    recorded: 'The webinar is recorded.',
    contact: 'Contact',
    invitationAttached: 'The calendar invitation is attached.',
    footer: 'Do not share your link: it gives access to your registration.',
  },
};
