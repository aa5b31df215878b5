import type { Locale, QuestionChangeKind, QuestionSort, QuestionStatus } from '@folkemote/domain';

/** The Q&A views' strings: the audience panel, the moderator view and the presenter view. */
export interface QaMessages {
  statuses: Record<QuestionStatus, string>;
  sorts: Record<QuestionSort, string>;
  sortLegend: string;
  connection: { connecting: string; open: string; reconnecting: string };
  question: {
    anonymous: string;
    anonymousToAudience: string;
    nameDeleted: string;
    by: (name: string) => string;
    votes: (n: number) => string;
    edited: string;
    pinned: string;
    answer: string;
    askedAt: (time: string) => string;
  };
  errors: {
    rateLimited: string;
    rateLimitedFor: (seconds: number) => string;
    empty: string;
    tooLong: (max: number) => string;
    invalid: string;
    notAllowed: string;
    notFound: string;
    conflict: string;
    unreachable: string;
    server: (status: number) => string;
    stream: string;
    closedForVotes: string;
    notOpenYet: string;
  };
  panel: {
    heading: string;
    askHeading: string;
    askLabel: string;
    askHint: (max: number) => string;
    count: (used: number, max: number) => string;
    left: (n: number) => string;
    over: (n: number) => string;
    anonymous: string;
    anonymousHint: string;
    submit: string;
    submitting: string;
    sent: string;
    sentPending: string;
    listHeading: string;
    nowAnswering: string;
    queue: string;
    answered: string;
    yours: string;
    empty: string;
    loading: string;
    vote: string;
    voteFor: (n: number) => string;
    voteHint: string;
    ownDismissed: string;
    ownMerged: string;
    signInToAsk: string;
    /** For staff in the room, who watch the audience's Q&A but do not ask in it. */
    staffView: string;
    /** The empty list as staff see it: no invitation to ask. */
    emptyStaff: string;
    closedHeading: string;
  };
  moderator: {
    title: (event: string) => string;
    titleFallback: string;
    intro: string;
    loading: string;
    noAccess: string;
    sections: { pending: string; highlighted: string; live: string; answered: string; dismissed: string };
    empty: { pending: string; highlighted: string; live: string; answered: string; dismissed: string };
    approve: string;
    highlight: string;
    unhighlight: string;
    markAnswered: string;
    reopen: string;
    dismiss: string;
    restore: string;
    pin: string;
    unpin: string;
    edit: string;
    answer: string;
    editAnswer: string;
    merge: string;
    select: string;
    editLabel: string;
    original: string;
    answerLabel: string;
    answerHint: (max: number) => string;
    save: string;
    cancel: string;
    mergeLabel: string;
    mergeHint: string;
    mergeSubmit: string;
    mergeNone: string;
    done: string;
    bulk: {
      heading: string;
      selected: (n: number) => string;
      approve: string;
      dismiss: string;
      clear: string;
      selectPending: string;
      updated: (n: number) => string;
    };
    settings: {
      heading: string;
      preModeration: string;
      preModerationHint: string;
      questionsAtEnd: string;
      questionsAtEndHint: string;
      beforeStart: string;
      beforeStartHint: string;
      start: string;
      stop: string;
      started: (time: string) => string;
      notStarted: string;
      sort: string;
      saved: string;
    };
    shortcuts: {
      heading: string;
      intro: string;
      next: string;
      previous: string;
      approve: string;
      highlight: string;
      answered: string;
      dismiss: string;
      pin: string;
      select: string;
    };
    audit: {
      heading: string;
      intro: string;
      load: string;
      refresh: string;
      loading: string;
      caption: string;
      time: string;
      who: string;
      what: string;
      question: string;
      empty: string;
      kinds: Record<QuestionChangeKind, string>;
      statusChange: (from: string, to: string) => string;
      audience: string;
    };
    export: {
      heading: string;
      csv: string;
      stats: string;
      loadStats: string;
      loading: string;
      downloading: string;
      figures: {
        asked: string;
        open: string;
        answered: string;
        dismissed: string;
        merged: string;
        votes: string;
        askers: string;
        voters: string;
      };
    };
  };
  presenter: {
    title: (event: string) => string;
    titleFallback: string;
    now: string;
    none: string;
    next: string;
    nextEmpty: string;
    clock: string;
    waiting: string;
    noAccess: string;
    loading: string;
  };
  announce: {
    asked: (text: string) => string;
    approved: (text: string) => string;
    highlighted: (text: string) => string;
    answered: (text: string) => string;
    dismissed: (text: string) => string;
    edited: (text: string) => string;
    answerAdded: (text: string) => string;
    pollOpened: (text: string) => string;
    qaStarted: string;
  };
}

const nb: QaMessages = {
  statuses: {
    pending: 'Venter på godkjenning',
    live: 'I køen',
    highlighted: 'Besvares nå',
    answered: 'Besvart',
    dismissed: 'Avvist',
    merged: 'Slått sammen',
  },
  sorts: { popular: 'Mest populære', recent: 'Nyeste' },
  sortLegend: 'Rekkefølge',
  connection: {
    connecting: 'Kobler til …',
    open: 'Oppdateres fortløpende',
    reconnecting: 'Mistet forbindelsen. Prøver igjen …',
  },
  question: {
    anonymous: 'Anonym',
    anonymousToAudience: 'Anonym for publikum',
    nameDeleted: 'Navnet er slettet',
    by: (name) => `Fra ${name}`,
    votes: (n) => (n === 1 ? '1 stemme' : `${n} stemmer`),
    edited: 'Rettet av moderator',
    pinned: 'Festet øverst',
    answer: 'Svar',
    askedAt: (time) => `Stilt ${time}`,
  },
  errors: {
    rateLimited: 'Du har sendt mange spørsmål på kort tid. Vent litt og prøv igjen.',
    rateLimitedFor: (s) => `Du har sendt mange spørsmål på kort tid. Prøv igjen om ${s} sekunder.`,
    empty: 'Skriv et spørsmål før du sender.',
    tooLong: (max) => `Spørsmålet kan ha høyst ${max} tegn. Gjør det kortere.`,
    invalid: 'Noe i det du sendte, ble ikke godtatt. Sjekk teksten og prøv igjen.',
    notAllowed: 'Du har ikke tilgang til å gjøre dette.',
    notFound: 'Fant ikke spørsmålet. Det kan være slått sammen med et annet.',
    conflict: 'Spørsmålet er endret av noen andre i mellomtiden. Listen er oppdatert; prøv igjen.',
    unreachable: 'Får ikke kontakt med Folkemøte. Prøv igjen om litt.',
    server: (status) => `Tjenesten svarte med en feil (${status}). Prøv igjen om litt.`,
    stream: 'Får ikke hentet spørsmålene.',
    closedForVotes: 'Du kan stemme på spørsmål i køen og på det som besvares nå.',
    notOpenYet: 'Du kan stille spørsmål når webinaret har startet.',
  },
  panel: {
    heading: 'Spørsmål',
    askHeading: 'Still et spørsmål',
    askLabel: 'Ditt spørsmål',
    askHint: (max) => `Vanlig tekst, høyst ${max} tegn.`,
    count: (used, max) => `${used} av ${max} tegn`,
    left: (n) => `Du har ${n} tegn igjen.`,
    over: (n) => `Du har ${n} tegn for mye.`,
    anonymous: 'Anonym for publikum',
    anonymousHint: 'Andre deltakere ser ikke navnet ditt. Moderatorene ser det.',
    submit: 'Send spørsmålet',
    submitting: 'Sender …',
    sent: 'Spørsmålet er sendt.',
    sentPending: 'Spørsmålet er sendt. Andre ser det når en moderator har godkjent det.',
    listHeading: 'Spørsmål fra publikum',
    nowAnswering: 'Besvares nå',
    queue: 'I køen',
    answered: 'Besvart',
    yours: 'Ditt spørsmål',
    empty: 'Ingen spørsmål ennå. Still det første!',
    loading: 'Henter spørsmål …',
    vote: 'Stem',
    voteFor: (n) => (n === 1 ? 'Stem, 1 stemme' : `Stem, ${n} stemmer`),
    voteHint: 'Trykk igjen for å trekke stemmen.',
    ownDismissed: 'Spørsmålet ditt blir ikke tatt opp.',
    ownMerged: 'Spørsmålet ditt er slått sammen med et likt spørsmål.',
    signInToAsk: 'Bare påmeldte deltakere kan stille spørsmål og stemme.',
    staffView: 'Her ser du spørsmålene slik publikum ser dem. Spørsmålene modererer du i moderatorvisningen.',
    emptyStaff: 'Ingen spørsmål ennå.',
    closedHeading: 'Dine spørsmål som ikke blir tatt opp',
  },
  moderator: {
    title: (event) => `Moderering: ${event}`,
    titleFallback: 'Moderering av spørsmål',
    intro: 'Godkjenn, fremhev og besvar spørsmålene fra publikum. Endringene vises straks for alle.',
    loading: 'Henter spørsmål …',
    noAccess:
      'Denne siden er for moderatorer. Åpne lenken du fikk fra arrangøren, eller logg inn som arrangør.',
    sections: {
      pending: 'Venter på godkjenning',
      highlighted: 'Fremhevet nå',
      live: 'Godkjent og i køen',
      answered: 'Besvart',
      dismissed: 'Avvist',
    },
    empty: {
      pending: 'Ingen spørsmål venter.',
      highlighted: 'Ingen spørsmål er fremhevet.',
      live: 'Ingen spørsmål i køen.',
      answered: 'Ingen spørsmål er besvart ennå.',
      dismissed: 'Ingen avviste spørsmål.',
    },
    approve: 'Godkjenn',
    highlight: 'Fremhev',
    unhighlight: 'Tilbake i køen',
    markAnswered: 'Merk som besvart',
    reopen: 'Ta opp igjen',
    dismiss: 'Avvis',
    restore: 'Gjenopprett',
    pin: 'Fest øverst',
    unpin: 'Løsne',
    edit: 'Rett skrivefeil',
    answer: 'Svar skriftlig',
    editAnswer: 'Endre svaret',
    merge: 'Slå sammen',
    select: 'Velg',
    editLabel: 'Rettet tekst',
    original: 'Opprinnelig tekst (tatt vare på)',
    answerLabel: 'Skriftlig svar',
    answerHint: (max) => `Vises for publikum under spørsmålet. Høyst ${max} tegn. Tomt felt fjerner svaret.`,
    save: 'Lagre',
    cancel: 'Avbryt',
    mergeLabel: 'Slå sammen med',
    mergeHint: 'Stemmene flyttes til spørsmålet du velger, og dette spørsmålet skjules.',
    mergeSubmit: 'Slå sammen',
    mergeNone: 'Det er ingen andre spørsmål å slå sammen med.',
    done: 'Oppdatert.',
    bulk: {
      heading: 'Flere om gangen',
      selected: (n) => (n === 1 ? '1 spørsmål valgt' : `${n} spørsmål valgt`),
      approve: 'Godkjenn valgte',
      dismiss: 'Avvis valgte',
      clear: 'Fjern valget',
      selectPending: 'Velg alle som venter',
      updated: (n) => (n === 1 ? '1 spørsmål er oppdatert.' : `${n} spørsmål er oppdatert.`),
    },
    settings: {
      heading: 'Innstillinger',
      preModeration: 'Godkjenn spørsmål før publikum ser dem',
      preModerationHint: 'Nye spørsmål venter på en moderator. Den som spør, ser sitt eget spørsmål.',
      questionsAtEnd: 'Spørsmål til slutt',
      questionsAtEndHint:
        'Publikum kan spørre hele tiden, men presentatørvisningen viser spørsmålene først når spørsmålsrunden starter.',
      beforeStart: 'Ta imot spørsmål før webinaret starter',
      beforeStartHint: 'De påmeldte kan spørre fra sin personlige side allerede fra påmeldingen.',
      start: 'Start spørsmålsrunden',
      stop: 'Avslutt spørsmålsrunden',
      started: (time) => `Spørsmålsrunden startet ${time}.`,
      notStarted: 'Spørsmålsrunden har ikke startet.',
      sort: 'Rekkefølge for publikum',
      saved: 'Innstillingene er lagret.',
    },
    shortcuts: {
      heading: 'Hurtigtaster',
      intro:
        'Hurtigtastene virker når du ikke skriver i et felt. Fokus flyttes med spørsmålet du jobber med.',
      next: 'Neste spørsmål',
      previous: 'Forrige spørsmål',
      approve: 'Godkjenn',
      highlight: 'Fremhev',
      answered: 'Merk som besvart',
      dismiss: 'Avvis eller gjenopprett',
      pin: 'Fest eller løsne',
      select: 'Velg eller fjern valget',
    },
    audit: {
      heading: 'Logg',
      intro: 'Hver endring i spørsmålene, hvem som gjorde den og når.',
      load: 'Vis loggen',
      refresh: 'Oppdater loggen',
      loading: 'Henter loggen …',
      caption: 'Endringer i spørsmålene, nyeste først',
      time: 'Tid',
      who: 'Hvem',
      what: 'Endring',
      question: 'Spørsmål',
      empty: 'Ingen endringer ennå.',
      kinds: {
        asked: 'Stilt',
        voted: 'Stemme gitt',
        unvoted: 'Stemme trukket',
        status: 'Ny status',
        edited: 'Tekst rettet',
        pinned: 'Festet',
        unpinned: 'Løsnet',
        answer: 'Skriftlig svar',
        merged: 'Slått sammen',
        merge_target: 'Fikk stemmer fra sammenslåing',
        settings: 'Innstillinger endret',
        deleted: 'Slettet sammen med deltakerens opplysninger',
        poll: 'Avstemning endret',
        poll_answered: 'Avstemning besvart',
      },
      statusChange: (from, to) => `${from} → ${to}`,
      audience: 'Deltaker',
    },
    export: {
      heading: 'Eksport og tall',
      csv: 'Last ned spørsmålene (CSV)',
      stats: 'Tall',
      loadStats: 'Oppdater tallene',
      loading: 'Henter tallene …',
      downloading: 'Laster ned …',
      figures: {
        asked: 'Spørsmål i alt',
        open: 'Åpne (venter, i køen eller besvares nå)',
        answered: 'Besvart',
        dismissed: 'Avvist',
        merged: 'Slått sammen med et annet',
        votes: 'Stemmer i alt',
        askers: 'Personer som har spurt',
        voters: 'Personer som har stemt',
      },
    },
  },
  presenter: {
    title: (event) => `Presentatør: ${event}`,
    titleFallback: 'Presentatørvisning',
    now: 'Spørsmålet nå',
    none: 'Ingen spørsmål er fremhevet akkurat nå.',
    next: 'Neste spørsmål',
    nextEmpty: 'Ingen flere spørsmål i køen.',
    clock: 'Klokka',
    waiting: 'Spørsmålene vises her når spørsmålsrunden starter.',
    noAccess: 'Denne siden er for presentatører. Åpne lenken du fikk fra arrangøren.',
    loading: 'Henter spørsmål …',
  },
  announce: {
    asked: (text) => `Nytt spørsmål: ${text}`,
    approved: (text) => `Godkjent: ${text}`,
    highlighted: (text) => `Besvares nå: ${text}`,
    answered: (text) => `Besvart: ${text}`,
    dismissed: (text) => `Avvist: ${text}`,
    edited: (text) => `Rettet: ${text}`,
    answerAdded: (text) => `Skriftlig svar på: ${text}`,
    pollOpened: (text) => `Ny avstemning: ${text}`,
    qaStarted: 'Spørsmålsrunden har startet.',
  },
};

const nn: QaMessages = {
  statuses: {
    pending: 'Ventar på godkjenning',
    live: 'I køen',
    highlighted: 'Blir svart på no',
    answered: 'Svart på',
    dismissed: 'Avvist',
    merged: 'Slått saman',
  },
  sorts: { popular: 'Mest populære', recent: 'Nyaste' },
  sortLegend: 'Rekkjefølgje',
  connection: {
    connecting: 'Koplar til …',
    open: 'Blir oppdatert fortløpande',
    reconnecting: 'Mista sambandet. Prøver igjen …',
  },
  question: {
    anonymous: 'Anonym',
    anonymousToAudience: 'Anonym for publikum',
    nameDeleted: 'Namnet er sletta',
    by: (name) => `Frå ${name}`,
    votes: (n) => (n === 1 ? '1 røyst' : `${n} røyster`),
    edited: 'Retta av moderator',
    pinned: 'Festa øvst',
    answer: 'Svar',
    askedAt: (time) => `Stilt ${time}`,
  },
  errors: {
    rateLimited: 'Du har sendt mange spørsmål på kort tid. Vent litt og prøv igjen.',
    rateLimitedFor: (s) => `Du har sendt mange spørsmål på kort tid. Prøv igjen om ${s} sekund.`,
    empty: 'Skriv eit spørsmål før du sender.',
    tooLong: (max) => `Spørsmålet kan ha høgst ${max} teikn. Gjer det kortare.`,
    invalid: 'Noko i det du sende, vart ikkje godteke. Sjekk teksten og prøv igjen.',
    notAllowed: 'Du har ikkje tilgang til å gjere dette.',
    notFound: 'Fann ikkje spørsmålet. Det kan vere slått saman med eit anna.',
    conflict: 'Spørsmålet er endra av nokon andre i mellomtida. Lista er oppdatert; prøv igjen.',
    unreachable: 'Får ikkje kontakt med Folkemøte. Prøv igjen om litt.',
    server: (status) => `Tenesta svarte med ein feil (${status}). Prøv igjen om litt.`,
    stream: 'Får ikkje henta spørsmåla.',
    closedForVotes: 'Du kan røyste på spørsmål i køen og på det som blir svart på no.',
    notOpenYet: 'Du kan stille spørsmål når webinaret har starta.',
  },
  panel: {
    heading: 'Spørsmål',
    askHeading: 'Still eit spørsmål',
    askLabel: 'Spørsmålet ditt',
    askHint: (max) => `Vanleg tekst, høgst ${max} teikn.`,
    count: (used, max) => `${used} av ${max} teikn`,
    left: (n) => `Du har ${n} teikn att.`,
    over: (n) => `Du har ${n} teikn for mykje.`,
    anonymous: 'Anonym for publikum',
    anonymousHint: 'Andre deltakarar ser ikkje namnet ditt. Moderatorane ser det.',
    submit: 'Send spørsmålet',
    submitting: 'Sender …',
    sent: 'Spørsmålet er sendt.',
    sentPending: 'Spørsmålet er sendt. Andre ser det når ein moderator har godkjent det.',
    listHeading: 'Spørsmål frå publikum',
    nowAnswering: 'Blir svart på no',
    queue: 'I køen',
    answered: 'Svart på',
    yours: 'Spørsmålet ditt',
    empty: 'Ingen spørsmål enno. Still det første!',
    loading: 'Hentar spørsmål …',
    vote: 'Røyst',
    voteFor: (n) => (n === 1 ? 'Røyst, 1 røyst' : `Røyst, ${n} røyster`),
    voteHint: 'Trykk igjen for å trekkje røysta.',
    ownDismissed: 'Spørsmålet ditt blir ikkje teke opp.',
    ownMerged: 'Spørsmålet ditt er slått saman med eit likt spørsmål.',
    signInToAsk: 'Berre påmelde deltakarar kan stille spørsmål og røyste.',
    staffView: 'Her ser du spørsmåla slik publikum ser dei. Spørsmåla modererer du i moderatorvisinga.',
    emptyStaff: 'Ingen spørsmål enno.',
    closedHeading: 'Spørsmåla dine som ikkje blir tekne opp',
  },
  moderator: {
    title: (event) => `Moderering: ${event}`,
    titleFallback: 'Moderering av spørsmål',
    intro: 'Godkjenn, framhev og svar på spørsmåla frå publikum. Endringane blir viste straks for alle.',
    loading: 'Hentar spørsmål …',
    noAccess:
      'Denne sida er for moderatorar. Opne lenkja du fekk frå arrangøren, eller logg inn som arrangør.',
    sections: {
      pending: 'Ventar på godkjenning',
      highlighted: 'Framheva no',
      live: 'Godkjent og i køen',
      answered: 'Svart på',
      dismissed: 'Avvist',
    },
    empty: {
      pending: 'Ingen spørsmål ventar.',
      highlighted: 'Ingen spørsmål er framheva.',
      live: 'Ingen spørsmål i køen.',
      answered: 'Ingen spørsmål er svarte på enno.',
      dismissed: 'Ingen avviste spørsmål.',
    },
    approve: 'Godkjenn',
    highlight: 'Framhev',
    unhighlight: 'Tilbake i køen',
    markAnswered: 'Merk som svart på',
    reopen: 'Ta opp att',
    dismiss: 'Avvis',
    restore: 'Gjenopprett',
    pin: 'Fest øvst',
    unpin: 'Løys',
    edit: 'Rett skrivefeil',
    answer: 'Svar skriftleg',
    editAnswer: 'Endre svaret',
    merge: 'Slå saman',
    select: 'Vel',
    editLabel: 'Retta tekst',
    original: 'Opphavleg tekst (teken vare på)',
    answerLabel: 'Skriftleg svar',
    answerHint: (max) =>
      `Blir vist for publikum under spørsmålet. Høgst ${max} teikn. Tomt felt fjernar svaret.`,
    save: 'Lagre',
    cancel: 'Avbryt',
    mergeLabel: 'Slå saman med',
    mergeHint: 'Røystene blir flytte til spørsmålet du vel, og dette spørsmålet blir gøymt.',
    mergeSubmit: 'Slå saman',
    mergeNone: 'Det er ingen andre spørsmål å slå saman med.',
    done: 'Oppdatert.',
    bulk: {
      heading: 'Fleire om gongen',
      selected: (n) => (n === 1 ? '1 spørsmål valt' : `${n} spørsmål valde`),
      approve: 'Godkjenn valde',
      dismiss: 'Avvis valde',
      clear: 'Fjern valet',
      selectPending: 'Vel alle som ventar',
      updated: (n) => (n === 1 ? '1 spørsmål er oppdatert.' : `${n} spørsmål er oppdaterte.`),
    },
    settings: {
      heading: 'Innstillingar',
      preModeration: 'Godkjenn spørsmål før publikum ser dei',
      preModerationHint: 'Nye spørsmål ventar på ein moderator. Den som spør, ser sitt eige spørsmål.',
      questionsAtEnd: 'Spørsmål til slutt',
      questionsAtEndHint:
        'Publikum kan spørje heile tida, men presentatørvisinga viser spørsmåla først når spørsmålsrunden startar.',
      beforeStart: 'Ta imot spørsmål før webinaret startar',
      beforeStartHint: 'Dei påmelde kan spørje frå si personlege side allereie frå påmeldinga.',
      start: 'Start spørsmålsrunden',
      stop: 'Avslutt spørsmålsrunden',
      started: (time) => `Spørsmålsrunden starta ${time}.`,
      notStarted: 'Spørsmålsrunden har ikkje starta.',
      sort: 'Rekkjefølgje for publikum',
      saved: 'Innstillingane er lagra.',
    },
    shortcuts: {
      heading: 'Snøggtastar',
      intro:
        'Snøggtastane verkar når du ikkje skriv i eit felt. Fokus flyttar seg med spørsmålet du arbeider med.',
      next: 'Neste spørsmål',
      previous: 'Førre spørsmål',
      approve: 'Godkjenn',
      highlight: 'Framhev',
      answered: 'Merk som svart på',
      dismiss: 'Avvis eller gjenopprett',
      pin: 'Fest eller løys',
      select: 'Vel eller fjern valet',
    },
    audit: {
      heading: 'Logg',
      intro: 'Kvar endring i spørsmåla, kven som gjorde ho og når.',
      load: 'Vis loggen',
      refresh: 'Oppdater loggen',
      loading: 'Hentar loggen …',
      caption: 'Endringar i spørsmåla, nyaste først',
      time: 'Tid',
      who: 'Kven',
      what: 'Endring',
      question: 'Spørsmål',
      empty: 'Ingen endringar enno.',
      kinds: {
        asked: 'Stilt',
        voted: 'Røyst gitt',
        unvoted: 'Røyst trekt',
        status: 'Ny status',
        edited: 'Tekst retta',
        pinned: 'Festa',
        unpinned: 'Løyst',
        answer: 'Skriftleg svar',
        merged: 'Slått saman',
        merge_target: 'Fekk røyster frå samanslåing',
        settings: 'Innstillingar endra',
        deleted: 'Sletta saman med opplysningane til deltakaren',
        poll: 'Avrøysting endra',
        poll_answered: 'Avrøysting svart på',
      },
      statusChange: (from, to) => `${from} → ${to}`,
      audience: 'Deltakar',
    },
    export: {
      heading: 'Eksport og tal',
      csv: 'Last ned spørsmåla (CSV)',
      stats: 'Tal',
      loadStats: 'Oppdater tala',
      loading: 'Hentar tala …',
      downloading: 'Lastar ned …',
      figures: {
        asked: 'Spørsmål i alt',
        open: 'Opne (ventar, i køen eller blir svart på no)',
        answered: 'Svart på',
        dismissed: 'Avvist',
        merged: 'Slått saman med eit anna',
        votes: 'Røyster i alt',
        askers: 'Personar som har spurt',
        voters: 'Personar som har røysta',
      },
    },
  },
  presenter: {
    title: (event) => `Presentatør: ${event}`,
    titleFallback: 'Presentatørvising',
    now: 'Spørsmålet no',
    none: 'Ingen spørsmål er framheva akkurat no.',
    next: 'Neste spørsmål',
    nextEmpty: 'Ingen fleire spørsmål i køen.',
    clock: 'Klokka',
    waiting: 'Spørsmåla blir viste her når spørsmålsrunden startar.',
    noAccess: 'Denne sida er for presentatørar. Opne lenkja du fekk frå arrangøren.',
    loading: 'Hentar spørsmål …',
  },
  announce: {
    asked: (text) => `Nytt spørsmål: ${text}`,
    approved: (text) => `Godkjent: ${text}`,
    highlighted: (text) => `Blir svart på no: ${text}`,
    answered: (text) => `Svart på: ${text}`,
    dismissed: (text) => `Avvist: ${text}`,
    edited: (text) => `Retta: ${text}`,
    answerAdded: (text) => `Skriftleg svar på: ${text}`,
    pollOpened: (text) => `Ny avrøysting: ${text}`,
    qaStarted: 'Spørsmålsrunden har starta.',
  },
};

const en: QaMessages = {
  statuses: {
    pending: 'Awaiting approval',
    live: 'In the queue',
    highlighted: 'Being answered',
    answered: 'Answered',
    dismissed: 'Dismissed',
    merged: 'Merged',
  },
  sorts: { popular: 'Most popular', recent: 'Newest' },
  sortLegend: 'Order',
  connection: {
    connecting: 'Connecting …',
    open: 'Updating live',
    reconnecting: 'Connection lost. Trying again …',
  },
  question: {
    anonymous: 'Anonymous',
    anonymousToAudience: 'Anonymous to the audience',
    nameDeleted: 'Name deleted',
    by: (name) => `From ${name}`,
    votes: (n) => (n === 1 ? '1 vote' : `${n} votes`),
    edited: 'Corrected by a moderator',
    pinned: 'Pinned to the top',
    answer: 'Answer',
    askedAt: (time) => `Asked ${time}`,
  },
  errors: {
    rateLimited: 'You have sent many questions in a short time. Wait a little and try again.',
    rateLimitedFor: (s) => `You have sent many questions in a short time. Try again in ${s} seconds.`,
    empty: 'Write a question before sending.',
    tooLong: (max) => `A question can have at most ${max} characters. Make it shorter.`,
    invalid: 'Something in what you sent was not accepted. Check the text and try again.',
    notAllowed: 'You do not have access to do this.',
    notFound: 'The question was not found. It may have been merged with another.',
    conflict: 'Someone else changed the question in the meantime. The list is up to date; try again.',
    unreachable: 'Cannot reach Folkemøte. Try again in a moment.',
    server: (status) => `The service answered with an error (${status}). Try again in a moment.`,
    stream: 'Cannot load the questions.',
    closedForVotes: 'You can vote on questions in the queue and on the one being answered.',
    notOpenYet: 'You can ask questions once the webinar has started.',
  },
  panel: {
    heading: 'Questions',
    askHeading: 'Ask a question',
    askLabel: 'Your question',
    askHint: (max) => `Plain text, at most ${max} characters.`,
    count: (used, max) => `${used} of ${max} characters`,
    left: (n) => `You have ${n} characters left.`,
    over: (n) => `You have ${n} characters too many.`,
    anonymous: 'Anonymous to the audience',
    anonymousHint: 'Other attendees do not see your name. The moderators do.',
    submit: 'Send the question',
    submitting: 'Sending …',
    sent: 'Your question has been sent.',
    sentPending: 'Your question has been sent. Others will see it once a moderator has approved it.',
    listHeading: 'Questions from the audience',
    nowAnswering: 'Being answered',
    queue: 'In the queue',
    answered: 'Answered',
    yours: 'Your question',
    empty: 'No questions yet. Ask the first one!',
    loading: 'Loading questions …',
    vote: 'Vote',
    voteFor: (n) => (n === 1 ? 'Vote, 1 vote' : `Vote, ${n} votes`),
    voteHint: 'Press again to take your vote back.',
    ownDismissed: 'Your question will not be taken up.',
    ownMerged: 'Your question has been merged with a similar one.',
    signInToAsk: 'Only registered attendees can ask and vote.',
    staffView: 'Here you see the questions as the audience does. You moderate them in the moderator view.',
    emptyStaff: 'No questions yet.',
    closedHeading: 'Your questions that will not be taken up',
  },
  moderator: {
    title: (event) => `Moderation: ${event}`,
    titleFallback: 'Question moderation',
    intro:
      'Approve, highlight and answer the questions from the audience. Changes show for everyone at once.',
    loading: 'Loading questions …',
    noAccess:
      'This page is for moderators. Open the link the organiser sent you, or sign in as an organiser.',
    sections: {
      pending: 'Awaiting approval',
      highlighted: 'Highlighted now',
      live: 'Approved and in the queue',
      answered: 'Answered',
      dismissed: 'Dismissed',
    },
    empty: {
      pending: 'No questions are waiting.',
      highlighted: 'No question is highlighted.',
      live: 'No questions in the queue.',
      answered: 'No questions answered yet.',
      dismissed: 'No dismissed questions.',
    },
    approve: 'Approve',
    highlight: 'Highlight',
    unhighlight: 'Back to the queue',
    markAnswered: 'Mark as answered',
    reopen: 'Take up again',
    dismiss: 'Dismiss',
    restore: 'Restore',
    pin: 'Pin to the top',
    unpin: 'Unpin',
    edit: 'Fix typos',
    answer: 'Answer in writing',
    editAnswer: 'Change the answer',
    merge: 'Merge',
    select: 'Select',
    editLabel: 'Corrected text',
    original: 'Original text (kept)',
    answerLabel: 'Written answer',
    answerHint: (max) =>
      `Shown to the audience below the question. At most ${max} characters. An empty field removes the answer.`,
    save: 'Save',
    cancel: 'Cancel',
    mergeLabel: 'Merge into',
    mergeHint: 'The votes move to the question you choose, and this question is hidden.',
    mergeSubmit: 'Merge',
    mergeNone: 'There are no other questions to merge with.',
    done: 'Updated.',
    bulk: {
      heading: 'Several at once',
      selected: (n) => (n === 1 ? '1 question selected' : `${n} questions selected`),
      approve: 'Approve selected',
      dismiss: 'Dismiss selected',
      clear: 'Clear the selection',
      selectPending: 'Select all waiting',
      updated: (n) => (n === 1 ? '1 question updated.' : `${n} questions updated.`),
    },
    settings: {
      heading: 'Settings',
      preModeration: 'Approve questions before the audience sees them',
      preModerationHint: 'New questions wait for a moderator. Whoever asked sees their own question.',
      questionsAtEnd: 'Questions at the end',
      questionsAtEndHint:
        'The audience can ask at any time, but the presenter view shows the questions only once the Q&A starts.',
      beforeStart: 'Take questions before the webinar starts',
      beforeStartHint: 'Registrants can ask from their personal page from the moment they register.',
      start: 'Start the Q&A',
      stop: 'End the Q&A',
      started: (time) => `The Q&A started at ${time}.`,
      notStarted: 'The Q&A has not started.',
      sort: 'Order for the audience',
      saved: 'The settings are saved.',
    },
    shortcuts: {
      heading: 'Keyboard shortcuts',
      intro: 'The shortcuts work when you are not typing in a field. Focus follows the question you work on.',
      next: 'Next question',
      previous: 'Previous question',
      approve: 'Approve',
      highlight: 'Highlight',
      answered: 'Mark as answered',
      dismiss: 'Dismiss or restore',
      pin: 'Pin or unpin',
      select: 'Select or deselect',
    },
    audit: {
      heading: 'Log',
      intro: 'Every change to the questions, who made it and when.',
      load: 'Show the log',
      refresh: 'Refresh the log',
      loading: 'Loading the log …',
      caption: 'Changes to the questions, newest first',
      time: 'Time',
      who: 'Who',
      what: 'Change',
      question: 'Question',
      empty: 'No changes yet.',
      kinds: {
        asked: 'Asked',
        voted: 'Vote given',
        unvoted: 'Vote taken back',
        status: 'New status',
        edited: 'Text corrected',
        pinned: 'Pinned',
        unpinned: 'Unpinned',
        answer: 'Written answer',
        merged: 'Merged',
        merge_target: 'Received votes from a merge',
        settings: 'Settings changed',
        deleted: 'Deleted with the attendee’s details',
        poll: 'Poll changed',
        poll_answered: 'Poll answered',
      },
      statusChange: (from, to) => `${from} → ${to}`,
      audience: 'Attendee',
    },
    export: {
      heading: 'Export and figures',
      csv: 'Download the questions (CSV)',
      stats: 'Figures',
      loadStats: 'Refresh the figures',
      loading: 'Loading the figures …',
      downloading: 'Downloading …',
      figures: {
        asked: 'Questions in all',
        open: 'Open (waiting, in the queue or being answered)',
        answered: 'Answered',
        dismissed: 'Dismissed',
        merged: 'Merged into another',
        votes: 'Votes in all',
        askers: 'People who asked',
        voters: 'People who voted',
      },
    },
  },
  presenter: {
    title: (event) => `Presenter: ${event}`,
    titleFallback: 'Presenter view',
    now: 'The question now',
    none: 'No question is highlighted right now.',
    next: 'Next questions',
    nextEmpty: 'No more questions in the queue.',
    clock: 'Clock',
    waiting: 'The questions will show here once the Q&A starts.',
    noAccess: 'This page is for presenters. Open the link the organiser sent you.',
    loading: 'Loading questions …',
  },
  announce: {
    asked: (text) => `New question: ${text}`,
    approved: (text) => `Approved: ${text}`,
    highlighted: (text) => `Being answered: ${text}`,
    answered: (text) => `Answered: ${text}`,
    dismissed: (text) => `Dismissed: ${text}`,
    edited: (text) => `Corrected: ${text}`,
    answerAdded: (text) => `Written answer to: ${text}`,
    pollOpened: (text) => `New poll: ${text}`,
    qaStarted: 'The Q&A has started.',
  },
};

export const qaMessages: Record<Locale, QaMessages> = { nb, nn, en };
