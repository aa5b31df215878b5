import type { Locale, PollStatus } from '@folkemote/domain';

/** Polls: the audience's card and the staff's tools. */
export interface PollMessages {
  heading: string;
  statuses: Record<PollStatus, string>;
  chooseOne: string;
  chooseMany: string;
  submit: string;
  sending: string;
  answered: string;
  resultsForStaff: string;
  answers: (n: number) => string;
  votes: (n: number, percent: number) => string;
  errors: {
    already: string;
    notOpen: string;
    pickOne: string;
    pickAny: string;
    failed: string;
  };
  exportCsv: string;
  manage: {
    heading: string;
    intro: string;
    question: string;
    options: string;
    optionsHint: string;
    multiple: string;
    resultsTo: string;
    resultsEveryone: string;
    resultsStaff: string;
    create: string;
    created: string;
    open: string;
    close: string;
    empty: string;
    needQuestion: string;
    needOptions: string;
    /** A question longer than the limit. */
    questionTooLong: (max: number) => string;
    /** Choice number `n` (from 1) is longer than the limit. */
    optionTooLong: (n: number, max: number) => string;
    controlChars: string;
  };
}

const nb: PollMessages = {
  heading: 'Avstemninger',
  statuses: { draft: 'Utkast', open: 'Åpen', closed: 'Avsluttet' },
  chooseOne: 'Velg ett svar',
  chooseMany: 'Velg ett eller flere svar',
  submit: 'Send svar',
  sending: 'Sender …',
  answered: 'Takk, svaret ditt er registrert.',
  resultsForStaff: 'Resultatene vises bare for arrangørene.',
  answers: (n) => (n === 1 ? '1 svar' : `${n} svar`),
  votes: (n, percent) => `${n} (${percent} %)`,
  errors: {
    already: 'Du har allerede svart på denne avstemningen.',
    notOpen: 'Avstemningen er ikke åpen lenger.',
    pickOne: 'Velg ett svar før du sender.',
    pickAny: 'Velg minst ett svar før du sender.',
    failed: 'Svaret ble ikke sendt. Prøv igjen.',
  },
  exportCsv: 'Last ned avstemningsresultatene (CSV)',
  manage: {
    heading: 'Avstemninger',
    intro: 'Lag avstemninger på forhånd, og åpne én om gangen under webinaret.',
    question: 'Spørsmål',
    options: 'Svaralternativer',
    optionsHint: 'Ett alternativ per linje, fra 2 til 10.',
    multiple: 'Deltakerne kan velge flere svar',
    resultsTo: 'Resultatene vises til',
    resultsEveryone: 'Alle',
    resultsStaff: 'Bare arrangørene',
    create: 'Lagre avstemningen',
    created: 'Avstemningen er lagret som utkast.',
    open: 'Åpne',
    close: 'Avslutt',
    empty: 'Ingen avstemninger ennå.',
    needQuestion: 'Skriv spørsmålet.',
    needOptions: 'Skriv minst to ulike svaralternativer, ett per linje (høyst 10).',
    questionTooLong: (max) => `Spørsmålet kan være høyst ${max} tegn.`,
    optionTooLong: (n, max) => `Svaralternativ ${n} er for langt: høyst ${max} tegn.`,
    controlChars: 'Teksten kan ikke inneholde kontrolltegn.',
  },
};

const nn: PollMessages = {
  heading: 'Avrøystingar',
  statuses: { draft: 'Utkast', open: 'Open', closed: 'Avslutta' },
  chooseOne: 'Vel eitt svar',
  chooseMany: 'Vel eitt eller fleire svar',
  submit: 'Send svar',
  sending: 'Sender …',
  answered: 'Takk, svaret ditt er registrert.',
  resultsForStaff: 'Resultata blir berre viste for arrangørane.',
  answers: (n) => (n === 1 ? '1 svar' : `${n} svar`),
  votes: (n, percent) => `${n} (${percent} %)`,
  errors: {
    already: 'Du har alt svart på denne avrøystinga.',
    notOpen: 'Avrøystinga er ikkje open lenger.',
    pickOne: 'Vel eitt svar før du sender.',
    pickAny: 'Vel minst eitt svar før du sender.',
    failed: 'Svaret vart ikkje sendt. Prøv igjen.',
  },
  exportCsv: 'Last ned resultata frå avrøystingane (CSV)',
  manage: {
    heading: 'Avrøystingar',
    intro: 'Lag avrøystingar på førehand, og opna éi om gongen under webinaret.',
    question: 'Spørsmål',
    options: 'Svaralternativ',
    optionsHint: 'Eitt alternativ per linje, frå 2 til 10.',
    multiple: 'Deltakarane kan velje fleire svar',
    resultsTo: 'Resultata blir viste til',
    resultsEveryone: 'Alle',
    resultsStaff: 'Berre arrangørane',
    create: 'Lagre avrøystinga',
    created: 'Avrøystinga er lagra som utkast.',
    open: 'Opna',
    close: 'Avslutt',
    empty: 'Ingen avrøystingar enno.',
    needQuestion: 'Skriv spørsmålet.',
    needOptions: 'Skriv minst to ulike svaralternativ, eitt per linje (høgst 10).',
    questionTooLong: (max) => `Spørsmålet kan vere høgst ${max} teikn.`,
    optionTooLong: (n, max) => `Svaralternativ ${n} er for langt: høgst ${max} teikn.`,
    controlChars: 'Teksten kan ikkje innehalde kontrollteikn.',
  },
};

const en: PollMessages = {
  heading: 'Polls',
  statuses: { draft: 'Draft', open: 'Open', closed: 'Closed' },
  chooseOne: 'Choose one answer',
  chooseMany: 'Choose one or more answers',
  submit: 'Send answer',
  sending: 'Sending …',
  answered: 'Thank you, your answer is in.',
  resultsForStaff: 'The results are shown to the organisers only.',
  answers: (n) => (n === 1 ? '1 answer' : `${n} answers`),
  votes: (n, percent) => `${n} (${percent}%)`,
  errors: {
    already: 'You have answered this poll already.',
    notOpen: 'The poll is no longer open.',
    pickOne: 'Choose an answer before sending.',
    pickAny: 'Choose at least one answer before sending.',
    failed: 'Your answer was not sent. Please try again.',
  },
  exportCsv: 'Download the poll results (CSV)',
  manage: {
    heading: 'Polls',
    intro: 'Prepare polls beforehand, and open one at a time during the webinar.',
    question: 'Question',
    options: 'Choices',
    optionsHint: 'One choice per line, from 2 to 10.',
    multiple: 'Attendees may choose more than one',
    resultsTo: 'Show the results to',
    resultsEveryone: 'Everyone',
    resultsStaff: 'Organisers only',
    create: 'Save the poll',
    created: 'The poll is saved as a draft.',
    open: 'Open',
    close: 'Close',
    empty: 'No polls yet.',
    needQuestion: 'Write the question.',
    needOptions: 'Write at least two different choices, one per line (at most 10).',
    questionTooLong: (max) => `The question can be at most ${max} characters.`,
    optionTooLong: (n, max) => `Choice ${n} is too long: at most ${max} characters.`,
    controlChars: 'The text must not contain control characters.',
  },
};

export const pollMessages: Record<Locale, PollMessages> = { nb, nn, en };
