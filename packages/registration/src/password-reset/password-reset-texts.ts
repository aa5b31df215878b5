import type { Locale } from '@folkemote/domain';

export interface PasswordResetTexts {
  subject: string;
  greeting: (name: string) => string;
  lead: string;
  expires: string;
  ignore: string;
}

/** The reset message's words, in the language the request was made in. */
export const passwordResetTexts: Record<Locale, PasswordResetTexts> = {
  nb: {
    subject: 'Nytt passord til Folkemøte',
    greeting: (name) => `Hei ${name},`,
    lead: 'Noen ba om å sette nytt passord for kontoen din. Følg lenken for å velge et nytt passord:',
    expires: 'Lenken virker én gang og i én time.',
    ignore: 'Ba du ikke om dette, kan du se bort fra e-posten: passordet ditt er uendret.',
  },
  nn: {
    subject: 'Nytt passord til Folkemøte',
    greeting: (name) => `Hei ${name},`,
    lead: 'Nokon bad om å setje nytt passord for kontoen din. Følg lenkja for å velje eit nytt passord:',
    expires: 'Lenkja verkar éin gong og i éin time.',
    ignore: 'Bad du ikkje om dette, kan du sjå bort frå e-posten: passordet ditt er uendra.',
  },
  en: {
    subject: 'New password for Folkemøte',
    greeting: (name) => `Hello ${name},`,
    lead: 'Someone asked to set a new password for your account. Follow the link to choose a new password:',
    expires: 'The link works once and for one hour.',
    ignore: 'If you did not ask for this, ignore this e-mail: your password is unchanged.',
  },
};
