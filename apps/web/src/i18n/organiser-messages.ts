import type { EventMode, EventStatus, Locale } from '@folkemote/domain';

/** The organiser pages' strings: sign-in, the events list, the event editor and the registrations page. */
export interface OrganiserMessages {
  nav: { events: string; signIn: string; apiTokens: string };
  bar: {
    signedInAs: (name: string, organisation: string | null) => string;
    signOut: string;
    signingOut: string;
  };
  apiTokens: {
    title: string;
    intro: string;
    name: string;
    nameHint: string;
    nameRequired: string;
    create: string;
    creating: string;
    createdHeading: (name: string) => string;
    createdText: string;
    tokenLabel: string;
    copy: string;
    copied: string;
    copyFailed: string;
    caption: string;
    columns: { name: string; created: string; lastUsed: string; action: string };
    neverUsed: string;
    none: string;
    loading: string;
    revoke: string;
    revokeLabel: (name: string) => string;
    confirmRevoke: (name: string) => string;
    revoked: (name: string) => string;
  };
  signIn: {
    title: string;
    intro: string;
    email: string;
    password: string;
    submit: string;
    submitting: string;
    orProvider: string;
    provider: string;
    invalid: string;
    tooMany: (minutes: number) => string;
    busy: string;
    checking: string;
    providerErrors: Record<
      'unknown_state' | 'other_browser' | 'provider_error' | 'email_not_verified' | 'no_account',
      string
    >;
  };
  events: {
    title: string;
    intro: string;
    create: string;
    caption: string;
    columns: { title: string; time: string; status: string; registrations: string; actions: string };
    empty: string;
    loading: string;
    edit: (title: string) => string;
    registrations: (title: string) => string;
    counts: (confirmed: number, waitlisted: number) => string;
  };
  status: Record<EventStatus, string>;
  editor: {
    newTitle: string;
    editTitle: (title: string) => string;
    intro: string;
    loading: string;
    sections: {
      about: string;
      time: string;
      place: string;
      registration: string;
      contact: string;
      privacy: string;
      questions: string;
    };
    fields: {
      title: string;
      slug: string;
      slugHint: string;
      description: string;
      descriptionHint: string;
      startsAt: string;
      endsAt: string;
      timeHint: string;
      mode: string;
      address: string;
      addressHint: string;
      language: string;
      registrationOpensAt: string;
      registrationClosesAt: string;
      registrationTimesHint: string;
      capacity: string;
      capacityHint: string;
      waitlistEnabled: string;
      contactName: string;
      contactEmail: string;
      contactPhone: string;
      recorded: string;
      recordedHint: string;
      retentionDays: string;
      retentionHint: string;
    };
    modes: Record<EventMode, string>;
    languages: Record<Locale, string>;
    questionsHint: string;
    questionLabel: (n: number) => string;
    questionRequired: (n: number) => string;
    addQuestion: string;
    removeQuestion: (n: number) => string;
    save: string;
    saving: string;
    saved: string;
    created: string;
    publish: string;
    published: string;
    cancelEvent: string;
    confirmCancel: string;
    cancelled: string;
    duplicate: string;
    duplicated: string;
    cancelledNotice: string;
    registrationsLink: string;
    preview: string;
    errorSummary: string;
    errorCount: (n: number) => string;
    fieldErrors: {
      required: string;
      tooShort: (n: number) => string;
      tooLong: (n: number) => string;
      slug: string;
      slugTaken: string;
      time: string;
      endBeforeStart: string;
      addressRequired: string;
      email: string;
      phone: string;
      wholeNumber: string;
      atLeast: (n: number) => string;
      atMost: (n: number) => string;
      closesBeforeOpens: string;
      closesAfterEnd: string;
      opensAfterEnd: string;
      tooManyQuestions: string;
      other: string;
    };
  };
  registrations: {
    title: (event: string) => string;
    intro: string;
    loading: string;
    counts: { confirmed: string; waitlisted: string; cancelled: string };
    capacity: (n: number) => string;
    noCapacity: string;
    csv: string;
    caption: string;
    columns: {
      name: string;
      email: string;
      organisation: string;
      status: string;
      registeredAt: string;
      needs: string;
    };
    empty: string;
    statuses: { confirmed: string; waitlisted: string; cancelled: string };
    messageHeading: string;
    messageIntro: string;
    subject: string;
    body: string;
    send: string;
    sending: string;
    sent: string;
    backToEvent: string;
  };
  notFound: string;
}

const nb: OrganiserMessages = {
  nav: { events: 'Mine arrangementer', signIn: 'Logg inn', apiTokens: 'API-nøkler' },
  bar: {
    signedInAs: (name, organisation) => `Logget inn som ${name}${organisation ? `, ${organisation}` : ''}`,
    signOut: 'Logg ut',
    signingOut: 'Logger ut …',
  },
  apiTokens: {
    title: 'API-nøkler',
    intro:
      'En API-nøkkel lar et annet system, for eksempel fylkets eller kommunens nettsider, hente og legge inn arrangementer og opptak for organisasjonen. Nøkkelen vises bare én gang. Trekk den tilbake når den ikke lenger trengs.',
    name: 'Hva nøkkelen er til',
    nameHint: 'For eksempel «Fylkets nettsider». Bare dere ser navnet.',
    nameRequired: 'Skriv hva nøkkelen er til.',
    create: 'Lag nøkkel',
    creating: 'Lager nøkkelen …',
    createdHeading: (name) => `Ny API-nøkkel: ${name}`,
    createdText:
      'Kopier nøkkelen og legg den inn i systemet som skal bruke den nå. Den blir ikke vist igjen. Send den som «Authorization: Bearer <nøkkel>».',
    tokenLabel: 'Nøkkelen',
    copy: 'Kopier nøkkelen',
    copied: 'Nøkkelen er kopiert.',
    copyFailed: 'Kunne ikke kopiere. Nøkkelen er merket; kopier den selv.',
    caption: 'Aktive API-nøkler',
    columns: { name: 'Navn', created: 'Laget', lastUsed: 'Sist brukt', action: 'Handling' },
    neverUsed: 'Aldri',
    none: 'Organisasjonen har ingen aktive API-nøkler.',
    loading: 'Henter API-nøklene …',
    revoke: 'Trekk tilbake',
    revokeLabel: (name) => `Trekk tilbake API-nøkkelen ${name}`,
    confirmRevoke: (name) =>
      `Trekke tilbake API-nøkkelen «${name}»? Systemer som bruker den, mister tilgangen med en gang.`,
    revoked: (name) => `API-nøkkelen ${name} er trukket tilbake.`,
  },
  signIn: {
    title: 'Logg inn som arrangør',
    intro:
      'Arrangører i kommuner og fylkeskommuner logger inn her for å sette opp arrangementer og se påmeldinger.',
    email: 'E-postadresse',
    password: 'Passord',
    submit: 'Logg inn',
    submitting: 'Logger inn …',
    orProvider: 'Eller logg inn med kommunens eller fylkeskommunens innlogging:',
    provider: 'Logg inn med organisasjonskonto',
    invalid: 'E-postadressen eller passordet er feil.',
    tooMany: (m) => `For mange mislykkede forsøk. Vent ${m} minutter og prøv igjen.`,
    busy: 'Mange logger inn akkurat nå. Prøv igjen om noen sekunder.',
    checking: 'Sjekker innlogging …',
    providerErrors: {
      unknown_state: 'Innloggingen tok for lang tid eller ble avbrutt. Prøv igjen.',
      other_browser:
        'Innloggingen ble startet i en annen nettleser. Start innloggingen her for å logge inn i denne nettleseren.',
      provider_error: 'Innloggingstjenesten svarte med en feil. Prøv igjen.',
      email_not_verified: 'Innloggingstjenesten bekreftet ikke e-postadressen din.',
      no_account: 'Du har ingen arrangørkonto her. Be en administrator om å opprette en.',
    },
  },
  events: {
    title: 'Mine arrangementer',
    intro: 'Arrangementene til organisasjonen din, også utkast og avlyste.',
    create: 'Nytt arrangement',
    caption: 'Arrangementer',
    columns: {
      title: 'Tittel',
      time: 'Tid',
      status: 'Status',
      registrations: 'Påmeldte',
      actions: 'Handlinger',
    },
    empty: 'Dere har ingen arrangementer ennå.',
    loading: 'Henter arrangementer …',
    edit: (title) => `Rediger ${title}`,
    registrations: (title) => `Påmeldinger til ${title}`,
    counts: (c, w) => (w > 0 ? `${c} påmeldt, ${w} på venteliste` : `${c} påmeldt`),
  },
  status: { draft: 'Utkast', published: 'Publisert', cancelled: 'Avlyst' },
  editor: {
    newTitle: 'Nytt arrangement',
    editTitle: (title) => `Rediger: ${title}`,
    intro: 'Felt merket (må fylles ut) er påkrevd. Arrangementet lagres som utkast til du publiserer det.',
    loading: 'Henter arrangementet …',
    sections: {
      about: 'Om arrangementet',
      time: 'Tid',
      place: 'Sted',
      registration: 'Påmelding',
      contact: 'Kontaktperson',
      privacy: 'Opptak og personvern',
      questions: 'Egne spørsmål i påmeldingen',
    },
    fields: {
      title: 'Tittel (må fylles ut)',
      slug: 'Nettadresse til arrangementet (må fylles ut)',
      slugHint: 'Blir en del av lenken, for eksempel kommuneplan-2027. Små bokstaver, tall og bindestrek.',
      description: 'Beskrivelse',
      descriptionHint: 'Du kan bruke Markdown: **fet**, *kursiv*, lister og lenker.',
      startsAt: 'Starter (må fylles ut)',
      endsAt: 'Slutter (må fylles ut)',
      timeHint: 'Norsk tid.',
      mode: 'Form',
      address: 'Adresse for oppmøte',
      addressHint: 'Må fylles ut når arrangementet er fysisk eller hybrid.',
      language: 'Språk i e-post og invitasjon',
      registrationOpensAt: 'Påmeldingen åpner',
      registrationClosesAt: 'Påmelding innen',
      registrationTimesHint: 'Tomt felt: påmeldingen er åpen fra publisering til arrangementet er slutt.',
      capacity: 'Antall plasser',
      capacityHint: 'Tomt felt: ingen grense.',
      waitlistEnabled: 'Venteliste når det er fullt',
      contactName: 'Navn (må fylles ut)',
      contactEmail: 'E-post (må fylles ut)',
      contactPhone: 'Telefon',
      recorded: 'Webinaret tas opp',
      recordedHint: 'Vises for dem som melder seg på.',
      retentionDays: 'Dager vi tar vare på påmeldingsdata etter arrangementet',
      retentionHint:
        'Deretter slettes navn, e-post og spørsmål som ikke ble besvart, automatisk. Antallet påmeldte og spørsmål blir stående.',
    },
    modes: { online: 'Digitalt', onsite: 'Fysisk oppmøte', hybrid: 'Hybrid (digitalt og fysisk)' },
    languages: { nb: 'Bokmål', nn: 'Nynorsk', en: 'Engelsk' },
    questionsHint: 'Inntil fem spørsmål med fritekstsvar.',
    questionLabel: (n) => `Spørsmål ${n}`,
    questionRequired: (n) => `Spørsmål ${n} må besvares`,
    addQuestion: 'Legg til spørsmål',
    removeQuestion: (n) => `Fjern spørsmål ${n}`,
    save: 'Lagre',
    saving: 'Lagrer …',
    saved: 'Endringene er lagret.',
    created: 'Arrangementet er opprettet som utkast.',
    publish: 'Publiser',
    published: 'Arrangementet er publisert.',
    cancelEvent: 'Avlys arrangementet',
    confirmCancel: 'Vil du avlyse arrangementet? Alle påmeldte får beskjed på e-post.',
    cancelled: 'Arrangementet er avlyst.',
    duplicate: 'Lag kopi',
    duplicated: 'Kopien er laget som utkast.',
    cancelledNotice: 'Arrangementet er avlyst og kan ikke endres.',
    registrationsLink: 'Se påmeldinger',
    preview: 'Slik vises beskrivelsen',
    errorSummary: 'Noe må rettes før arrangementet kan lagres',
    errorCount: (n) => (n === 1 ? '1 felt må rettes:' : `${n} felt må rettes:`),
    fieldErrors: {
      required: 'Må fylles ut.',
      tooShort: (n) => `Må ha minst ${n} tegn.`,
      tooLong: (n) => `Kan ha høyst ${n} tegn.`,
      slug: 'Bruk små bokstaver, tall og enkle bindestreker.',
      slugTaken: 'Nettadressen er brukt av et annet arrangement.',
      time: 'Skriv inn dato og klokkeslett.',
      endBeforeStart: 'Må være etter starttidspunktet.',
      addressRequired: 'Må fylles ut når arrangementet er fysisk eller hybrid.',
      email: 'Skriv inn en gyldig e-postadresse.',
      phone: 'Skriv inn et telefonnummer (sifre, mellomrom, + og -).',
      wholeNumber: 'Skriv inn et helt tall.',
      atLeast: (n) => `Må være minst ${n}.`,
      atMost: (n) => `Kan være høyst ${n}.`,
      closesBeforeOpens: 'Må være etter at påmeldingen åpner.',
      closesAfterEnd: 'Kan ikke være etter at arrangementet er slutt.',
      opensAfterEnd: 'Må være før arrangementet er slutt.',
      tooManyQuestions: 'Høyst fem spørsmål.',
      other: 'Sjekk feltet.',
    },
  },
  registrations: {
    title: (event) => `Påmeldinger: ${event}`,
    intro: 'Personopplysningene slettes automatisk når lagringstiden for arrangementet er ute.',
    loading: 'Henter påmeldinger …',
    counts: { confirmed: 'Påmeldt', waitlisted: 'På venteliste', cancelled: 'Avmeldt' },
    capacity: (n) => `${n} plasser`,
    noCapacity: 'Ingen grense på antall plasser',
    csv: 'Last ned som CSV (Excel)',
    caption: 'Påmeldte',
    columns: {
      name: 'Navn',
      email: 'E-post',
      organisation: 'Organisasjon',
      status: 'Status',
      registeredAt: 'Påmeldt',
      needs: 'Tilretteleggingsbehov',
    },
    empty: 'Ingen har meldt seg på ennå.',
    statuses: { confirmed: 'Påmeldt', waitlisted: 'Venteliste', cancelled: 'Avmeldt' },
    messageHeading: 'Send melding til alle påmeldte',
    messageIntro: 'Meldingen går på e-post til alle som er påmeldt eller står på venteliste.',
    subject: 'Emne (må fylles ut)',
    body: 'Melding (må fylles ut)',
    send: 'Send melding',
    sending: 'Sender …',
    sent: 'Meldingen er sendt.',
    backToEvent: 'Tilbake til arrangementet',
  },
  notFound: 'Fant ikke arrangementet i organisasjonen din.',
};

const nn: OrganiserMessages = {
  nav: { events: 'Mine arrangement', signIn: 'Logg inn', apiTokens: 'API-nøklar' },
  bar: {
    signedInAs: (name, organisation) => `Logga inn som ${name}${organisation ? `, ${organisation}` : ''}`,
    signOut: 'Logg ut',
    signingOut: 'Loggar ut …',
  },
  apiTokens: {
    title: 'API-nøklar',
    intro:
      'Ein API-nøkkel lèt eit anna system, til dømes nettsidene til fylket eller kommunen, hente og leggje inn arrangement og opptak for organisasjonen. Nøkkelen blir vist berre éin gong. Trekk han tilbake når han ikkje lenger trengst.',
    name: 'Kva nøkkelen er til',
    nameHint: 'Til dømes «Nettsidene til fylket». Berre de ser namnet.',
    nameRequired: 'Skriv kva nøkkelen er til.',
    create: 'Lag nøkkel',
    creating: 'Lagar nøkkelen …',
    createdHeading: (name) => `Ny API-nøkkel: ${name}`,
    createdText:
      'Kopier nøkkelen og legg han inn i systemet som skal bruke han no. Han blir ikkje vist igjen. Send han som «Authorization: Bearer <nøkkel>».',
    tokenLabel: 'Nøkkelen',
    copy: 'Kopier nøkkelen',
    copied: 'Nøkkelen er kopiert.',
    copyFailed: 'Kunne ikkje kopiere. Nøkkelen er merkt; kopier han sjølv.',
    caption: 'Aktive API-nøklar',
    columns: { name: 'Namn', created: 'Laga', lastUsed: 'Sist brukt', action: 'Handling' },
    neverUsed: 'Aldri',
    none: 'Organisasjonen har ingen aktive API-nøklar.',
    loading: 'Hentar API-nøklane …',
    revoke: 'Trekk tilbake',
    revokeLabel: (name) => `Trekk tilbake API-nøkkelen ${name}`,
    confirmRevoke: (name) =>
      `Trekkje tilbake API-nøkkelen «${name}»? System som bruker han, mistar tilgangen med ein gong.`,
    revoked: (name) => `API-nøkkelen ${name} er trekt tilbake.`,
  },
  signIn: {
    title: 'Logg inn som arrangør',
    intro:
      'Arrangørar i kommunar og fylkeskommunar loggar inn her for å setje opp arrangement og sjå påmeldingar.',
    email: 'E-postadresse',
    password: 'Passord',
    submit: 'Logg inn',
    submitting: 'Loggar inn …',
    orProvider: 'Eller logg inn med innlogginga til kommunen eller fylkeskommunen:',
    provider: 'Logg inn med organisasjonskonto',
    invalid: 'E-postadressa eller passordet er feil.',
    tooMany: (m) => `For mange mislukka forsøk. Vent ${m} minutt og prøv igjen.`,
    busy: 'Mange loggar inn akkurat no. Prøv igjen om nokre sekund.',
    checking: 'Sjekkar innlogging …',
    providerErrors: {
      unknown_state: 'Innlogginga tok for lang tid eller vart avbroten. Prøv igjen.',
      other_browser:
        'Innlogginga vart starta i ein annan nettlesar. Start innlogginga her for å logge inn i denne nettlesaren.',
      provider_error: 'Innloggingstenesta svarte med ein feil. Prøv igjen.',
      email_not_verified: 'Innloggingstenesta stadfesta ikkje e-postadressa di.',
      no_account: 'Du har ingen arrangørkonto her. Be ein administrator om å opprette ein.',
    },
  },
  events: {
    title: 'Mine arrangement',
    intro: 'Arrangementa til organisasjonen din, også utkast og avlyste.',
    create: 'Nytt arrangement',
    caption: 'Arrangement',
    columns: {
      title: 'Tittel',
      time: 'Tid',
      status: 'Status',
      registrations: 'Påmelde',
      actions: 'Handlingar',
    },
    empty: 'De har ingen arrangement enno.',
    loading: 'Hentar arrangement …',
    edit: (title) => `Rediger ${title}`,
    registrations: (title) => `Påmeldingar til ${title}`,
    counts: (c, w) => (w > 0 ? `${c} påmelde, ${w} på venteliste` : `${c} påmelde`),
  },
  status: { draft: 'Utkast', published: 'Publisert', cancelled: 'Avlyst' },
  editor: {
    newTitle: 'Nytt arrangement',
    editTitle: (title) => `Rediger: ${title}`,
    intro:
      'Felt merkte (må fyllast ut) er påkravde. Arrangementet blir lagra som utkast til du publiserer det.',
    loading: 'Hentar arrangementet …',
    sections: {
      about: 'Om arrangementet',
      time: 'Tid',
      place: 'Stad',
      registration: 'Påmelding',
      contact: 'Kontaktperson',
      privacy: 'Opptak og personvern',
      questions: 'Eigne spørsmål i påmeldinga',
    },
    fields: {
      title: 'Tittel (må fyllast ut)',
      slug: 'Nettadresse til arrangementet (må fyllast ut)',
      slugHint: 'Blir ein del av lenkja, til dømes kommuneplan-2027. Små bokstavar, tal og bindestrek.',
      description: 'Skildring',
      descriptionHint: 'Du kan bruke Markdown: **feit**, *kursiv*, lister og lenkjer.',
      startsAt: 'Byrjar (må fyllast ut)',
      endsAt: 'Sluttar (må fyllast ut)',
      timeHint: 'Norsk tid.',
      mode: 'Form',
      address: 'Adresse for oppmøte',
      addressHint: 'Må fyllast ut når arrangementet er fysisk eller hybrid.',
      language: 'Språk i e-post og invitasjon',
      registrationOpensAt: 'Påmeldinga opnar',
      registrationClosesAt: 'Påmelding innan',
      registrationTimesHint: 'Tomt felt: påmeldinga er open frå publisering til arrangementet er slutt.',
      capacity: 'Tal på plassar',
      capacityHint: 'Tomt felt: inga grense.',
      waitlistEnabled: 'Venteliste når det er fullt',
      contactName: 'Namn (må fyllast ut)',
      contactEmail: 'E-post (må fyllast ut)',
      contactPhone: 'Telefon',
      recorded: 'Webinaret blir teke opp',
      recordedHint: 'Blir vist for dei som meldar seg på.',
      retentionDays: 'Dagar vi tek vare på påmeldingsdata etter arrangementet',
      retentionHint:
        'Deretter blir namn, e-post og spørsmål som ikkje vart svarte på, sletta automatisk. Talet på påmelde og spørsmål blir ståande.',
    },
    modes: { online: 'Digitalt', onsite: 'Fysisk oppmøte', hybrid: 'Hybrid (digitalt og fysisk)' },
    languages: { nb: 'Bokmål', nn: 'Nynorsk', en: 'Engelsk' },
    questionsHint: 'Inntil fem spørsmål med fritekstsvar.',
    questionLabel: (n) => `Spørsmål ${n}`,
    questionRequired: (n) => `Spørsmål ${n} må svarast på`,
    addQuestion: 'Legg til spørsmål',
    removeQuestion: (n) => `Fjern spørsmål ${n}`,
    save: 'Lagre',
    saving: 'Lagrar …',
    saved: 'Endringane er lagra.',
    created: 'Arrangementet er oppretta som utkast.',
    publish: 'Publiser',
    published: 'Arrangementet er publisert.',
    cancelEvent: 'Avlys arrangementet',
    confirmCancel: 'Vil du avlyse arrangementet? Alle påmelde får melding på e-post.',
    cancelled: 'Arrangementet er avlyst.',
    duplicate: 'Lag kopi',
    duplicated: 'Kopien er laga som utkast.',
    cancelledNotice: 'Arrangementet er avlyst og kan ikkje endrast.',
    registrationsLink: 'Sjå påmeldingar',
    preview: 'Slik blir skildringa vist',
    errorSummary: 'Noko må rettast før arrangementet kan lagrast',
    errorCount: (n) => (n === 1 ? '1 felt må rettast:' : `${n} felt må rettast:`),
    fieldErrors: {
      required: 'Må fyllast ut.',
      tooShort: (n) => `Må ha minst ${n} teikn.`,
      tooLong: (n) => `Kan ha høgst ${n} teikn.`,
      slug: 'Bruk små bokstavar, tal og enkle bindestrekar.',
      slugTaken: 'Nettadressa er brukt av eit anna arrangement.',
      time: 'Skriv inn dato og klokkeslett.',
      endBeforeStart: 'Må vere etter starttidspunktet.',
      addressRequired: 'Må fyllast ut når arrangementet er fysisk eller hybrid.',
      email: 'Skriv inn ei gyldig e-postadresse.',
      phone: 'Skriv inn eit telefonnummer (siffer, mellomrom, + og -).',
      wholeNumber: 'Skriv inn eit heilt tal.',
      atLeast: (n) => `Må vere minst ${n}.`,
      atMost: (n) => `Kan vere høgst ${n}.`,
      closesBeforeOpens: 'Må vere etter at påmeldinga opnar.',
      closesAfterEnd: 'Kan ikkje vere etter at arrangementet er slutt.',
      opensAfterEnd: 'Må vere før arrangementet er slutt.',
      tooManyQuestions: 'Høgst fem spørsmål.',
      other: 'Sjekk feltet.',
    },
  },
  registrations: {
    title: (event) => `Påmeldingar: ${event}`,
    intro: 'Personopplysningane blir sletta automatisk når lagringstida for arrangementet er ute.',
    loading: 'Hentar påmeldingar …',
    counts: { confirmed: 'Påmelde', waitlisted: 'På venteliste', cancelled: 'Avmelde' },
    capacity: (n) => `${n} plassar`,
    noCapacity: 'Inga grense på talet på plassar',
    csv: 'Last ned som CSV (Excel)',
    caption: 'Påmelde',
    columns: {
      name: 'Namn',
      email: 'E-post',
      organisation: 'Organisasjon',
      status: 'Status',
      registeredAt: 'Påmeld',
      needs: 'Behov for tilrettelegging',
    },
    empty: 'Ingen har meldt seg på enno.',
    statuses: { confirmed: 'Påmeld', waitlisted: 'Venteliste', cancelled: 'Avmeld' },
    messageHeading: 'Send melding til alle påmelde',
    messageIntro: 'Meldinga går på e-post til alle som er påmelde eller står på venteliste.',
    subject: 'Emne (må fyllast ut)',
    body: 'Melding (må fyllast ut)',
    send: 'Send melding',
    sending: 'Sender …',
    sent: 'Meldinga er send.',
    backToEvent: 'Tilbake til arrangementet',
  },
  notFound: 'Fann ikkje arrangementet i organisasjonen din.',
};

const en: OrganiserMessages = {
  nav: { events: 'My events', signIn: 'Sign in', apiTokens: 'API tokens' },
  bar: {
    signedInAs: (name, organisation) => `Signed in as ${name}${organisation ? `, ${organisation}` : ''}`,
    signOut: 'Sign out',
    signingOut: 'Signing out …',
  },
  apiTokens: {
    title: 'API tokens',
    intro:
      'An API token lets another system, such as the county’s or the municipality’s website, read and add events and recordings for your organisation. The token is shown only once. Revoke it when it is no longer needed.',
    name: 'What the token is for',
    nameHint: 'For example “The county website”. Only your organisation sees the name.',
    nameRequired: 'Say what the token is for.',
    create: 'Create token',
    creating: 'Creating the token …',
    createdHeading: (name) => `New API token: ${name}`,
    createdText:
      'Copy the token and put it into the system that will use it now. It will not be shown again. Send it as “Authorization: Bearer <token>”.',
    tokenLabel: 'The token',
    copy: 'Copy the token',
    copied: 'The token has been copied.',
    copyFailed: 'Could not copy. The token is selected; copy it yourself.',
    caption: 'Active API tokens',
    columns: { name: 'Name', created: 'Created', lastUsed: 'Last used', action: 'Action' },
    neverUsed: 'Never',
    none: 'Your organisation has no active API tokens.',
    loading: 'Loading the API tokens …',
    revoke: 'Revoke',
    revokeLabel: (name) => `Revoke the API token ${name}`,
    confirmRevoke: (name) => `Revoke the API token “${name}”? Systems that use it lose access at once.`,
    revoked: (name) => `The API token ${name} has been revoked.`,
  },
  signIn: {
    title: 'Sign in as an organiser',
    intro: 'Organisers in municipalities and counties sign in here to set up events and see registrations.',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in …',
    orProvider: 'Or sign in with your municipality’s or county’s login:',
    provider: 'Sign in with your organisation account',
    invalid: 'The e-mail address or password is wrong.',
    tooMany: (m) => `Too many failed attempts. Wait ${m} minutes and try again.`,
    busy: 'Many people are signing in right now. Try again in a few seconds.',
    checking: 'Checking sign-in …',
    providerErrors: {
      unknown_state: 'The sign-in took too long or was interrupted. Please try again.',
      other_browser: 'The sign-in was started in another browser. Start it here to sign in in this browser.',
      provider_error: 'The sign-in service answered with an error. Please try again.',
      email_not_verified: 'The sign-in service did not confirm your e-mail address.',
      no_account: 'You have no organiser account here. Ask an administrator to create one.',
    },
  },
  events: {
    title: 'My events',
    intro: 'Your organisation’s events, drafts and cancelled ones included.',
    create: 'New event',
    caption: 'Events',
    columns: {
      title: 'Title',
      time: 'Time',
      status: 'Status',
      registrations: 'Registered',
      actions: 'Actions',
    },
    empty: 'You have no events yet.',
    loading: 'Loading events …',
    edit: (title) => `Edit ${title}`,
    registrations: (title) => `Registrations for ${title}`,
    counts: (c, w) => (w > 0 ? `${c} registered, ${w} waiting` : `${c} registered`),
  },
  status: { draft: 'Draft', published: 'Published', cancelled: 'Cancelled' },
  editor: {
    newTitle: 'New event',
    editTitle: (title) => `Edit: ${title}`,
    intro: 'Fields marked (required) must be filled in. The event is saved as a draft until you publish it.',
    loading: 'Loading the event …',
    sections: {
      about: 'About the event',
      time: 'Time',
      place: 'Place',
      registration: 'Registration',
      contact: 'Contact person',
      privacy: 'Recording and privacy',
      questions: 'Your own questions in the registration form',
    },
    fields: {
      title: 'Title (required)',
      slug: 'Web address of the event (required)',
      slugHint: 'Becomes part of the link, e.g. local-plan-2027. Lower-case letters, digits and hyphens.',
      description: 'Description',
      descriptionHint: 'You can use Markdown: **bold**, *italics*, lists and links.',
      startsAt: 'Starts (required)',
      endsAt: 'Ends (required)',
      timeHint: 'Norwegian time.',
      mode: 'Format',
      address: 'Venue address',
      addressHint: 'Required when the event is on site or hybrid.',
      language: 'Language of e-mails and invitation',
      registrationOpensAt: 'Registration opens',
      registrationClosesAt: 'Register by',
      registrationTimesHint: 'Left empty: registration is open from publication until the event ends.',
      capacity: 'Number of seats',
      capacityHint: 'Left empty: no limit.',
      waitlistEnabled: 'Waiting list when full',
      contactName: 'Name (required)',
      contactEmail: 'E-mail (required)',
      contactPhone: 'Phone',
      recorded: 'The webinar is recorded',
      recordedHint: 'Shown to people who register.',
      retentionDays: 'Days registration data is kept after the event',
      retentionHint:
        'Names, e-mail addresses and questions that were not answered are then deleted automatically. The numbers of registrations and questions remain.',
    },
    modes: { online: 'Online', onsite: 'On site', hybrid: 'Hybrid (online and on site)' },
    languages: { nb: 'Norwegian Bokmål', nn: 'Norwegian Nynorsk', en: 'English' },
    questionsHint: 'Up to five questions with free-text answers.',
    questionLabel: (n) => `Question ${n}`,
    questionRequired: (n) => `Question ${n} must be answered`,
    addQuestion: 'Add a question',
    removeQuestion: (n) => `Remove question ${n}`,
    save: 'Save',
    saving: 'Saving …',
    saved: 'Your changes are saved.',
    created: 'The event is created as a draft.',
    publish: 'Publish',
    published: 'The event is published.',
    cancelEvent: 'Cancel the event',
    confirmCancel: 'Cancel the event? Everyone registered is told by e-mail.',
    cancelled: 'The event is cancelled.',
    duplicate: 'Make a copy',
    duplicated: 'The copy is made as a draft.',
    cancelledNotice: 'The event is cancelled and can no longer be changed.',
    registrationsLink: 'See registrations',
    preview: 'How the description looks',
    errorSummary: 'Some things need fixing before the event can be saved',
    errorCount: (n) => (n === 1 ? '1 field needs fixing:' : `${n} fields need fixing:`),
    fieldErrors: {
      required: 'Required.',
      tooShort: (n) => `Must be at least ${n} characters.`,
      tooLong: (n) => `Can be at most ${n} characters.`,
      slug: 'Use lower-case letters, digits and single hyphens.',
      slugTaken: 'Another event uses this web address.',
      time: 'Enter a date and time.',
      endBeforeStart: 'Must be after the start.',
      addressRequired: 'Required when the event is on site or hybrid.',
      email: 'Enter a valid e-mail address.',
      phone: 'Enter a phone number (digits, spaces, + and -).',
      wholeNumber: 'Enter a whole number.',
      atLeast: (n) => `Must be at least ${n}.`,
      atMost: (n) => `Can be at most ${n}.`,
      closesBeforeOpens: 'Must be after registration opens.',
      closesAfterEnd: 'Cannot be after the event ends.',
      opensAfterEnd: 'Must be before the event ends.',
      tooManyQuestions: 'At most five questions.',
      other: 'Check this field.',
    },
  },
  registrations: {
    title: (event) => `Registrations: ${event}`,
    intro: 'Personal data is deleted automatically when the event’s retention period ends.',
    loading: 'Loading registrations …',
    counts: { confirmed: 'Confirmed', waitlisted: 'Waiting list', cancelled: 'Cancelled' },
    capacity: (n) => `${n} seats`,
    noCapacity: 'No limit on seats',
    csv: 'Download as CSV (Excel)',
    caption: 'Registrations',
    columns: {
      name: 'Name',
      email: 'E-mail',
      organisation: 'Organisation',
      status: 'Status',
      registeredAt: 'Registered',
      needs: 'Accessibility needs',
    },
    empty: 'No one has registered yet.',
    statuses: { confirmed: 'Confirmed', waitlisted: 'Waiting list', cancelled: 'Cancelled' },
    messageHeading: 'Send a message to everyone registered',
    messageIntro: 'The message goes by e-mail to everyone confirmed or on the waiting list.',
    subject: 'Subject (required)',
    body: 'Message (required)',
    send: 'Send message',
    sending: 'Sending …',
    sent: 'The message is sent.',
    backToEvent: 'Back to the event',
  },
  notFound: 'No such event in your organisation.',
};

export const organiserMessages: Record<Locale, OrganiserMessages> = { nb, nn, en };
