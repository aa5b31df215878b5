import type { Locale, ProgressStage, RecordingState } from '@folkemote/domain';
import { type CitizenMessages, citizenMessages } from './citizen-messages.ts';
import { type OrganiserMessages, organiserMessages } from './organiser-messages.ts';
import { type PollMessages, pollMessages } from './poll-messages.ts';
import { type QaMessages, qaMessages } from './questions-messages.ts';
import { type RegistrationMessages, registrationMessages } from './registration-messages.ts';
import { type RoomMessages, roomMessages } from './room-messages.ts';

/**
 * Every user-facing string of the web app. `Messages` is an interface rather than
 * an inferred type so that each language must supply every key: a missing
 * translation is a compile error, not a blank on the page.
 */
export interface Messages {
  /** The language's own name, shown in the language switcher. */
  languageName: string;
  layout: {
    skipLink: string;
    mainNav: string;
    languageNav: string;
    pageTitle: (page: string) => string;
    footerAbout: string;
    footerAccessibility: string;
  };
  nav: { home: string; recordings: string };
  home: {
    title: string;
    intro: string;
    upcoming: string;
    past: string;
    noUpcoming: string;
    noPast: string;
    loading: string;
    time: string;
    organiser: string;
    contact: string;
    archiveHeading: string;
    archiveText: string;
    archiveLink: string;
    archiveUnavailable: string;
  };
  recordings: {
    title: string;
    intro: string;
    caption: string;
    columns: {
      title: string;
      event: string;
      state: string;
      progress: string;
      duration: string;
      action: string;
    };
    loading: string;
    empty: string;
    noEvent: string;
    watch: string;
    retry: string;
    retrying: string;
    retryFailed: string;
    reason: string;
    technicalDetail: string;
    waiting: string;
    working: string;
    /** After the stage and percent of a recording whose progress stopped moving. */
    stalled: string;
    progressLabel: (title: string) => string;
    lastUpdated: (time: string) => string;
    announce: (title: string, state: string) => string;
  };
  states: Record<RecordingState, string>;
  stages: Record<ProgressStage, string>;
  eta: {
    unknown: string;
    underAMinute: string;
    minutes: (minutes: number) => string;
    hoursMinutes: (hours: number, minutes: number) => string;
  };
  duration: {
    unknown: string;
    hoursMinutes: (hours: number, minutes: number) => string;
    minutesSeconds: (minutes: number, seconds: number) => string;
    seconds: (seconds: number) => string;
  };
  errors: {
    /** For what is fetched again by itself (lists that refresh, live streams). */
    unreachable: string;
    server: (status: number) => string;
    /** For an action the person started, which nothing repeats for them. */
    unreachableOnce: string;
    serverOnce: (status: number) => string;
    /** A 4xx without a more specific text: asking again the same way will not help. */
    refused: (status: number) => string;
    badResponse: string;
    stale: string;
    tryNow: string;
  };
  accessibility: {
    title: string;
    intro: string;
    testingHeading: string;
    testing: string;
    limitationsHeading: string;
    limitations: string[];
    feedbackHeading: string;
    feedback: string;
    registryText: string;
    registryLink: string;
  };
  notFound: { title: string; text: string; home: string };
  organiser: OrganiserMessages;
  registration: RegistrationMessages;
  qa: QaMessages;
  polls: PollMessages;
  room: RoomMessages;
  citizen: CitizenMessages;
}

const nb: Messages = {
  organiser: organiserMessages.nb,
  registration: registrationMessages.nb,
  qa: qaMessages.nb,
  polls: pollMessages.nb,
  room: roomMessages.nb,
  citizen: citizenMessages.nb,
  languageName: 'Bokmål',
  layout: {
    skipLink: 'Hopp til hovedinnholdet',
    mainNav: 'Hovedmeny',
    languageNav: 'Velg språk',
    pageTitle: (page) => `${page} – Folkemøte`,
    footerAbout: 'Folkemøte – webinarer for kommuner og fylkeskommuner.',
    footerAccessibility: 'Tilgjengelighetserklæring',
  },
  nav: { home: 'Forside', recordings: 'Opptak' },
  home: {
    title: 'Arrangementer',
    intro: 'Åpne webinarer fra kommuner og fylkeskommuner. Alle tider er norsk tid.',
    upcoming: 'Kommende arrangementer',
    past: 'Tidligere arrangementer',
    noUpcoming: 'Ingen arrangementer er satt opp akkurat nå.',
    noPast: 'Ingen tidligere arrangementer.',
    loading: 'Henter arrangementer …',
    time: 'Tid',
    organiser: 'Arrangør',
    contact: 'Kontakt',
    archiveHeading: 'Opptak',
    archiveText:
      'Opptak av tidligere arrangementer ligger i et åpent arkiv. Avspilleren bruker ingen informasjonskapsler.',
    archiveLink: 'Gå til opptaksarkivet',
    archiveUnavailable: 'Lenken til arkivet er ikke tilgjengelig akkurat nå.',
  },
  recordings: {
    title: 'Opptak',
    intro:
      'Her ser du opptakene til organisasjonen din, også de som er lastet opp uten arrangement, og hvor langt behandlingen har kommet. Siden oppdaterer seg selv.',
    caption: 'Opptak og behandling',
    columns: {
      title: 'Tittel',
      event: 'Arrangement',
      state: 'Status',
      progress: 'Framdrift',
      duration: 'Varighet',
      action: 'Handling',
    },
    loading: 'Henter opptak …',
    empty: 'Ingen opptak ennå. Opptak dukker opp her når et arrangement er tatt opp.',
    noEvent: 'Uten arrangement',
    watch: 'Se opptaket',
    retry: 'Prøv igjen',
    retrying: 'Starter på nytt …',
    retryFailed: 'Kunne ikke starte behandlingen på nytt.',
    reason: 'Årsak:',
    technicalDetail: 'Teknisk detalj',
    waiting: 'Venter på behandling',
    working: 'Arbeider',
    stalled: 'har stått stille lenge – prøv igjen',
    progressLabel: (title) => `Framdrift for ${title}`,
    lastUpdated: (time) => `Sist oppdatert ${time}`,
    announce: (title, state) => `${title}: ${state}`,
  },
  states: {
    uploaded: 'Venter',
    processing: 'Behandles',
    quick_published: 'Kan spilles av – full kvalitet kommer',
    published: 'Publisert',
    failed: 'Feilet',
  },
  stages: {
    queued: 'I kø',
    probing: 'Undersøker',
    remuxing: 'Pakker om',
    transcoding: 'Transkoder',
    trimming: 'Klipper',
    uploading: 'Laster opp',
    publishing: 'Publiserer',
    done: 'Ferdig',
  },
  eta: {
    unknown: 'beregner tid igjen',
    underAMinute: 'under 1 min igjen',
    minutes: (m) => `om lag ${m} min igjen`,
    hoursMinutes: (h, m) => `om lag ${h} t ${m} min igjen`,
  },
  duration: {
    unknown: 'Ukjent',
    hoursMinutes: (h, m) => `${h} t ${m} min`,
    minutesSeconds: (m, s) => `${m} min ${s} s`,
    seconds: (s) => `${s} s`,
  },
  errors: {
    unreachable: 'Får ikke kontakt med Folkemøte. Vi prøver igjen automatisk.',
    server: (status) => `Tjenesten svarte med en feil (${status}). Vi prøver igjen automatisk.`,
    unreachableOnce: 'Får ikke kontakt med Folkemøte. Prøv igjen om litt.',
    serverOnce: (status) => `Tjenesten svarte med en feil (${status}). Prøv igjen om litt.`,
    refused: (status) => `Tjenesten avviste forespørselen (${status}).`,
    badResponse: 'Tjenesten sendte et svar vi ikke forstår.',
    stale: 'Det som vises under, kan være utdatert.',
    tryNow: 'Prøv nå',
  },
  accessibility: {
    title: 'Tilgjengelighetserklæring',
    intro:
      'Folkemøte skal kunne brukes av alle, også med skjermleser, forstørring eller bare tastatur. Målet er at løsningen oppfyller WCAG 2.1 på nivå AA, slik forskrift om universell utforming av IKT-løsninger krever.',
    testingHeading: 'Slik tester vi',
    testing:
      'Sidene testes automatisk med axe i nettleseren Chromium, og vi går gjennom dem med bare tastatur. Automatiske tester finner bare en del av feilene, og løsningen er ennå ikke vurdert av en uavhengig part.',
    limitationsHeading: 'Kjente mangler',
    limitations: [
      'Folkemøte lager ennå ikke teksting av opptak. Arrangøren må selv sørge for teksting av opptak som ligger ute.',
      'Løsningen er ikke testet med alle skjermlesere. Vi har ikke gått gjennom den med mobilskjermlesere.',
    ],
    feedbackHeading: 'Gi beskjed',
    feedback:
      'Får du ikke brukt noe her, ta kontakt med arrangøren av webinaret. Kontaktinformasjonen står ved hvert arrangement på forsiden.',
    registryText:
      'Offentlige virksomheter publiserer sin egen tilgjengelighetserklæring, og du kan klage til Tilsynet for universell utforming av IKT. Se',
    registryLink: 'uustatus.no',
  },
  notFound: {
    title: 'Fant ikke siden',
    text: 'Vi finner ingen side på denne adressen.',
    home: 'Gå til forsiden',
  },
};

const nn: Messages = {
  organiser: organiserMessages.nn,
  registration: registrationMessages.nn,
  qa: qaMessages.nn,
  polls: pollMessages.nn,
  room: roomMessages.nn,
  citizen: citizenMessages.nn,
  languageName: 'Nynorsk',
  layout: {
    skipLink: 'Hopp til hovudinnhaldet',
    mainNav: 'Hovudmeny',
    languageNav: 'Vel språk',
    pageTitle: (page) => `${page} – Folkemøte`,
    footerAbout: 'Folkemøte – webinar for kommunar og fylkeskommunar.',
    footerAccessibility: 'Tilgjengelegheitserklæring',
  },
  nav: { home: 'Framside', recordings: 'Opptak' },
  home: {
    title: 'Arrangement',
    intro: 'Opne webinar frå kommunar og fylkeskommunar. Alle tider er norsk tid.',
    upcoming: 'Komande arrangement',
    past: 'Tidlegare arrangement',
    noUpcoming: 'Ingen arrangement er sette opp akkurat no.',
    noPast: 'Ingen tidlegare arrangement.',
    loading: 'Hentar arrangement …',
    time: 'Tid',
    organiser: 'Arrangør',
    contact: 'Kontakt',
    archiveHeading: 'Opptak',
    archiveText:
      'Opptak av tidlegare arrangement ligg i eit ope arkiv. Avspelaren bruker ingen informasjonskapslar.',
    archiveLink: 'Gå til opptaksarkivet',
    archiveUnavailable: 'Lenkja til arkivet er ikkje tilgjengeleg akkurat no.',
  },
  recordings: {
    title: 'Opptak',
    intro:
      'Her ser du opptaka til organisasjonen din, også dei som er lasta opp utan arrangement, og kor langt handsaminga har kome. Sida oppdaterer seg sjølv.',
    caption: 'Opptak og handsaming',
    columns: {
      title: 'Tittel',
      event: 'Arrangement',
      state: 'Status',
      progress: 'Framdrift',
      duration: 'Lengd',
      action: 'Handling',
    },
    loading: 'Hentar opptak …',
    empty: 'Ingen opptak enno. Opptak dukkar opp her når eit arrangement er teke opp.',
    noEvent: 'Utan arrangement',
    watch: 'Sjå opptaket',
    retry: 'Prøv igjen',
    retrying: 'Startar på nytt …',
    retryFailed: 'Kunne ikkje starte handsaminga på nytt.',
    reason: 'Årsak:',
    technicalDetail: 'Teknisk detalj',
    waiting: 'Ventar på handsaming',
    working: 'Arbeider',
    stalled: 'har stått stille lenge – prøv igjen',
    progressLabel: (title) => `Framdrift for ${title}`,
    lastUpdated: (time) => `Sist oppdatert ${time}`,
    announce: (title, state) => `${title}: ${state}`,
  },
  states: {
    uploaded: 'Ventar',
    processing: 'Vert handsama',
    quick_published: 'Kan spelast av – full kvalitet kjem',
    published: 'Publisert',
    failed: 'Feila',
  },
  stages: {
    queued: 'I kø',
    probing: 'Undersøkjer',
    remuxing: 'Pakkar om',
    transcoding: 'Transkodar',
    trimming: 'Klipper',
    uploading: 'Lastar opp',
    publishing: 'Publiserer',
    done: 'Ferdig',
  },
  eta: {
    unknown: 'reknar ut tid att',
    underAMinute: 'under 1 min att',
    minutes: (m) => `om lag ${m} min att`,
    hoursMinutes: (h, m) => `om lag ${h} t ${m} min att`,
  },
  duration: {
    unknown: 'Ukjend',
    hoursMinutes: (h, m) => `${h} t ${m} min`,
    minutesSeconds: (m, s) => `${m} min ${s} s`,
    seconds: (s) => `${s} s`,
  },
  errors: {
    unreachable: 'Får ikkje kontakt med Folkemøte. Vi prøver igjen automatisk.',
    server: (status) => `Tenesta svara med ein feil (${status}). Vi prøver igjen automatisk.`,
    unreachableOnce: 'Får ikkje kontakt med Folkemøte. Prøv igjen om litt.',
    serverOnce: (status) => `Tenesta svara med ein feil (${status}). Prøv igjen om litt.`,
    refused: (status) => `Tenesta avviste førespurnaden (${status}).`,
    badResponse: 'Tenesta sende eit svar vi ikkje forstår.',
    stale: 'Det som står under, kan vere utdatert.',
    tryNow: 'Prøv no',
  },
  accessibility: {
    title: 'Tilgjengelegheitserklæring',
    intro:
      'Folkemøte skal kunne brukast av alle, også med skjermlesar, forstørring eller berre tastatur. Målet er at løysinga oppfyller WCAG 2.1 på nivå AA, slik forskrift om universell utforming av IKT-løysingar krev.',
    testingHeading: 'Slik testar vi',
    testing:
      'Sidene blir testa automatisk med axe i nettlesaren Chromium, og vi går gjennom dei med berre tastatur. Automatiske testar finn berre ein del av feila, og løysinga er enno ikkje vurdert av ein uavhengig part.',
    limitationsHeading: 'Kjende manglar',
    limitations: [
      'Folkemøte lagar enno ikkje teksting av opptak. Arrangøren må sjølv sørgje for teksting av opptak som ligg ute.',
      'Løysinga er ikkje testa med alle skjermlesarar. Vi har ikkje gått gjennom ho med skjermlesarar på mobil.',
    ],
    feedbackHeading: 'Sei frå',
    feedback:
      'Får du ikkje brukt noko her, ta kontakt med arrangøren av webinaret. Kontaktinformasjonen står ved kvart arrangement på framsida.',
    registryText:
      'Offentlege verksemder publiserer si eiga tilgjengelegheitserklæring, og du kan klage til Tilsynet for universell utforming av IKT. Sjå',
    registryLink: 'uustatus.no',
  },
  notFound: {
    title: 'Fann ikkje sida',
    text: 'Vi finn inga side på denne adressa.',
    home: 'Gå til framsida',
  },
};

const en: Messages = {
  organiser: organiserMessages.en,
  registration: registrationMessages.en,
  qa: qaMessages.en,
  polls: pollMessages.en,
  room: roomMessages.en,
  citizen: citizenMessages.en,
  languageName: 'English',
  layout: {
    skipLink: 'Skip to main content',
    mainNav: 'Main menu',
    languageNav: 'Choose language',
    pageTitle: (page) => `${page} – Folkemøte`,
    footerAbout: 'Folkemøte – webinars for Norwegian municipalities and counties.',
    footerAccessibility: 'Accessibility statement',
  },
  nav: { home: 'Home', recordings: 'Recordings' },
  home: {
    title: 'Events',
    intro: 'Open webinars from Norwegian municipalities and counties. All times are Norwegian time.',
    upcoming: 'Upcoming events',
    past: 'Past events',
    noUpcoming: 'No events are scheduled right now.',
    noPast: 'No past events.',
    loading: 'Loading events …',
    time: 'Time',
    organiser: 'Organiser',
    contact: 'Contact',
    archiveHeading: 'Recordings',
    archiveText: 'Recordings of past events are kept in an open archive. The player uses no cookies.',
    archiveLink: 'Go to the recording archive',
    archiveUnavailable: 'The link to the archive is not available right now.',
  },
  recordings: {
    title: 'Recordings',
    intro:
      'The recordings of your organisation, those uploaded without an event included, and how far their processing has come. This page updates by itself.',
    caption: 'Recordings and processing',
    columns: {
      title: 'Title',
      event: 'Event',
      state: 'Status',
      progress: 'Progress',
      duration: 'Duration',
      action: 'Action',
    },
    loading: 'Loading recordings …',
    empty: 'No recordings yet. Recordings appear here once an event has been recorded.',
    noEvent: 'No event',
    watch: 'Watch the recording',
    retry: 'Try again',
    retrying: 'Restarting …',
    retryFailed: 'Could not restart the processing.',
    reason: 'Reason:',
    technicalDetail: 'Technical detail',
    waiting: 'Waiting to be processed',
    working: 'Working',
    stalled: 'no progress for a long while – try again',
    progressLabel: (title) => `Progress of ${title}`,
    lastUpdated: (time) => `Last updated ${time}`,
    announce: (title, state) => `${title}: ${state}`,
  },
  states: {
    uploaded: 'Waiting',
    processing: 'Processing',
    quick_published: 'Playable – full quality on its way',
    published: 'Published',
    failed: 'Failed',
  },
  stages: {
    queued: 'Queued',
    probing: 'Inspecting',
    remuxing: 'Repackaging',
    transcoding: 'Transcoding',
    trimming: 'Trimming',
    uploading: 'Uploading',
    publishing: 'Publishing',
    done: 'Done',
  },
  eta: {
    unknown: 'estimating time left',
    underAMinute: 'less than 1 min left',
    minutes: (m) => `about ${m} min left`,
    hoursMinutes: (h, m) => `about ${h} h ${m} min left`,
  },
  duration: {
    unknown: 'Unknown',
    hoursMinutes: (h, m) => `${h} h ${m} min`,
    minutesSeconds: (m, s) => `${m} min ${s} s`,
    seconds: (s) => `${s} s`,
  },
  errors: {
    unreachable: 'Cannot reach Folkemøte. We will keep trying automatically.',
    server: (status) => `The service answered with an error (${status}). We will keep trying automatically.`,
    unreachableOnce: 'Cannot reach Folkemøte. Please try again in a moment.',
    serverOnce: (status) => `The service answered with an error (${status}). Please try again in a moment.`,
    refused: (status) => `The service refused the request (${status}).`,
    badResponse: 'The service sent an answer we could not read.',
    stale: 'What is shown below may be out of date.',
    tryNow: 'Try now',
  },
  accessibility: {
    title: 'Accessibility statement',
    intro:
      'Folkemøte should be usable by everyone, including with a screen reader, magnification or only a keyboard. The aim is to meet WCAG 2.1 level AA, as the Norwegian regulation on universal design of ICT requires.',
    testingHeading: 'How we test',
    testing:
      'The pages are tested automatically with axe in the Chromium browser, and we go through them with only a keyboard. Automated tests find only some problems, and the service has not yet been assessed by an independent party.',
    limitationsHeading: 'Known shortcomings',
    limitations: [
      'Folkemøte does not yet caption recordings. Organisers must make sure the recordings they keep online are captioned.',
      'The service has not been tested with every screen reader. We have not gone through it with screen readers on mobile.',
    ],
    feedbackHeading: 'Tell us',
    feedback:
      'If something here does not work for you, contact the organiser of the webinar. Their contact details are listed with each event on the home page.',
    registryText:
      'Public bodies publish their own accessibility statements, and you can complain to the Authority for Universal Design of ICT. See',
    registryLink: 'uustatus.no',
  },
  notFound: {
    title: 'Page not found',
    text: 'There is no page at this address.',
    home: 'Go to the home page',
  },
};

export const messages: Record<Locale, Messages> = { nb, nn, en };

/** The BCP 47 tag Intl should format with for each interface language. */
/**
 * BCP 47 tags for Intl's numbers and plurals. Nynorsk borrows bokmål's: the two write numbers
 * alike, and browsers ship no `nn` data (they would fall back to their own language).
 * Dates do not come from Intl at all (see format/format-date.ts).
 */
export const intlLocale: Record<Locale, string> = { nb: 'nb-NO', nn: 'nb-NO', en: 'en-GB' };
