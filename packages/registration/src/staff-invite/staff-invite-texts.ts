import type { Locale, StaffRole } from '@folkemote/domain';

export interface StaffInviteTexts {
  subject: (title: string) => string;
  greeting: (name: string) => string;
  lead: (role: string, organisation: string) => string;
  roles: Record<StaffRole, string>;
  link: string;
  keep: string;
  invitationAttached: string;
}

/** The invitation's words, in the event's language. */
export const staffInviteTexts: Record<Locale, StaffInviteTexts> = {
  nb: {
    subject: (title) => `Din lenke til direkterommet: ${title}`,
    greeting: (name) => `Hei ${name},`,
    lead: (role, organisation) => `${organisation} har lagt deg til som ${role} i webinaret.`,
    roles: { host: 'vert', presenter: 'presentatør', moderator: 'moderator' },
    link: 'Din personlige lenke inn i direkterommet:',
    keep: 'Lenken er bare til deg: ikke del den. Den virker til arrangøren trekker den tilbake.',
    invitationAttached: 'En kalenderinvitasjon ligger ved.',
  },
  nn: {
    subject: (title) => `Lenkja di til direkterommet: ${title}`,
    greeting: (name) => `Hei ${name},`,
    lead: (role, organisation) => `${organisation} har lagt deg til som ${role} i webinaret.`,
    roles: { host: 'vert', presenter: 'presentatør', moderator: 'moderator' },
    link: 'Den personlege lenkja di inn i direkterommet:',
    keep: 'Lenkja er berre til deg: ikkje del ho. Ho verkar til arrangøren trekkjer ho tilbake.',
    invitationAttached: 'Ein kalenderinvitasjon ligg ved.',
  },
  en: {
    subject: (title) => `Your link to the live room: ${title}`,
    greeting: (name) => `Hello ${name},`,
    lead: (role, organisation) => `${organisation} has added you as ${role} in the webinar.`,
    roles: { host: 'a host', presenter: 'a presenter', moderator: 'a moderator' },
    link: 'Your personal link into the live room:',
    keep: 'The link is yours alone: do not share it. It works until the organiser revokes it.',
    invitationAttached: 'A calendar invitation is attached.',
  },
};
