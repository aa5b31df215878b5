import type { Locale } from '@folkemote/domain';

/** "Forgot password" for organisers with a local account: asking for a link, and setting a new password. */
export interface PasswordResetMessages {
  forgotLink: string;
  askTitle: string;
  askIntro: string;
  email: string;
  send: string;
  sending: string;
  sent: (email: string) => string;
  sentMore: string;
  tooMany: (minutes: number) => string;
  setTitle: string;
  setIntro: string;
  password: string;
  passwordHint: string;
  save: string;
  saving: string;
  done: string;
  signIn: string;
  invalidLink: string;
  askAgain: string;
  backToSignIn: string;
}

export const passwordResetMessages: Record<Locale, PasswordResetMessages> = {
  nb: {
    forgotLink: 'Glemt passord?',
    askTitle: 'Glemt passord',
    askIntro:
      'Skriv e-postadressen du logger inn med. Har du et passord hos oss, sender vi deg en lenke for å velge et nytt.',
    email: 'E-postadresse',
    send: 'Send lenke',
    sending: 'Sender …',
    sent: (email) => `Har ${email} en konto med passord, får du snart en e-post med en lenke.`,
    sentMore:
      'Lenken virker én gang og i én time. Logger du inn med organisasjonskonto, endrer du passordet der.',
    tooMany: (m) => `Du har bedt om for mange lenker. Vent ${m} minutter og prøv igjen.`,
    setTitle: 'Velg nytt passord',
    setIntro: 'Når du har lagret det nye passordet, blir du logget ut overalt og kan logge inn med det.',
    password: 'Nytt passord',
    passwordHint: 'Minst 12 tegn.',
    save: 'Lagre passordet',
    saving: 'Lagrer …',
    done: 'Passordet er endret. Du er logget ut overalt.',
    signIn: 'Logg inn',
    invalidLink: 'Lenken er brukt, utløpt eller ufullstendig.',
    askAgain: 'Be om en ny lenke',
    backToSignIn: 'Tilbake til innlogging',
  },
  nn: {
    forgotLink: 'Gløymt passord?',
    askTitle: 'Gløymt passord',
    askIntro:
      'Skriv e-postadressa du loggar inn med. Har du eit passord hos oss, sender vi deg ei lenkje for å velje eit nytt.',
    email: 'E-postadresse',
    send: 'Send lenkje',
    sending: 'Sender …',
    sent: (email) => `Har ${email} ein konto med passord, får du snart ein e-post med ei lenkje.`,
    sentMore:
      'Lenkja verkar éin gong og i éin time. Loggar du inn med organisasjonskonto, endrar du passordet der.',
    tooMany: (m) => `Du har bede om for mange lenkjer. Vent ${m} minutt og prøv igjen.`,
    setTitle: 'Vel nytt passord',
    setIntro: 'Når du har lagra det nye passordet, blir du logga ut overalt og kan logge inn med det.',
    password: 'Nytt passord',
    passwordHint: 'Minst 12 teikn.',
    save: 'Lagre passordet',
    saving: 'Lagrar …',
    done: 'Passordet er endra. Du er logga ut overalt.',
    signIn: 'Logg inn',
    invalidLink: 'Lenkja er brukt, gått ut eller ufullstendig.',
    askAgain: 'Be om ei ny lenkje',
    backToSignIn: 'Tilbake til innlogginga',
  },
  en: {
    forgotLink: 'Forgot password?',
    askTitle: 'Forgot password',
    askIntro:
      'Enter the e-mail address you sign in with. If you have a password with us, we will send you a link to choose a new one.',
    email: 'E-mail address',
    send: 'Send link',
    sending: 'Sending …',
    sent: (email) => `If ${email} has an account with a password, an e-mail with a link is on its way.`,
    sentMore:
      'The link works once and for one hour. If you sign in with your organisation account, change your password there.',
    tooMany: (m) => `You have asked for too many links. Wait ${m} minutes and try again.`,
    setTitle: 'Choose a new password',
    setIntro: 'Once you save the new password, you are signed out everywhere and can sign in with it.',
    password: 'New password',
    passwordHint: 'At least 12 characters.',
    save: 'Save the password',
    saving: 'Saving …',
    done: 'Your password is changed. You are signed out everywhere.',
    signIn: 'Sign in',
    invalidLink: 'The link is used, expired or incomplete.',
    askAgain: 'Ask for a new link',
    backToSignIn: 'Back to sign-in',
  },
};
