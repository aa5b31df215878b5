import type { EventRole, Locale, StaffRole } from '@folkemote/domain';

type RoomStatus = 'not_open' | 'backstage' | 'live' | 'ended';
type MediaFailure = 'denied' | 'not_found' | 'in_use' | 'unsupported' | 'other';
export const roomRefusals = [
  'room_not_open',
  'room_not_live',
  'room_ended',
  'recording_active',
  'recording_starting',
  'no_active_recording',
  'livekit_unavailable',
  'participant_not_found',
  'cannot_remove_yourself',
  'forbidden_for_role',
] as const;
export type RoomRefusal = (typeof roomRefusals)[number];

/** The live room's strings, and the organiser's links for the people who run a webinar. */
export interface RoomMessages {
  loading: string;
  roles: Record<EventRole, string>;
  you: (name: string, role: string) => string;
  statusLabel: string;
  status: Record<RoomStatus, string>;
  announce: Record<RoomStatus, string> & { onStage: string; offStage: string };
  access: {
    heading: string;
    noLink: string;
    signIn: string;
    invalid: string;
    waitlisted: string;
    cancelled: string;
    otherEvent: string;
    notYourEvent: string;
    removed: string;
    eventCancelled: string;
    notFound: string;
    eventLink: string;
  };
  streamReconnecting: string;
  /** The API's refusals of room actions, by their stable code. */
  refusals: Record<RoomRefusal, string>;
  recording: {
    active: string;
    since: (time: string) => string;
    stopped: string;
    notice: string;
    failed: (reason: string) => string;
  };
  waiting: {
    heading: string;
    startsIn: string;
    units: Record<'days' | 'hours' | 'minutes' | 'seconds', (n: number) => string>;
    announce: (days: number, hours: number, minutes: number) => string;
    startingSoon: string;
    backstage: string;
    autoUpdate: string;
    about: string;
  };
  ended: {
    heading: string;
    text: string;
    replayBy: (time: string) => string;
    replaySoon: string;
    noReplay: string;
    archiveLink: string;
  };
  join: {
    liveHeading: string;
    backstageHeading: string;
    attendeeText: string;
    staffText: string;
    /** For staff joining while the webinar is already live. */
    staffLiveText: string;
    join: string;
    enterBackstage: string;
    joining: string;
    failed: string;
  };
  stage: {
    heading: string;
    onStageHeading: string;
    nobody: string;
    screenOf: (name: string) => string;
    cameraOff: (name: string) => string;
    /** A tile whose person our room view does not (yet) name. */
    unnamed: string;
    microphoneOff: string;
    /** For staff: live video needs a LiveKit server, and there is none. */
    standIn: string;
    /** For the audience: the same, without the technical words. */
    standInAudience: string;
    speaking: string;
    audioBlocked: string;
    startAudio: string;
  };
  connection: {
    connecting: string;
    reconnecting: string;
    reconnected: string;
    disconnected: string;
    reconnect: string;
    failed: string;
    /** What to do about a connection that failed or dropped. */
    tryAgain: string;
    elsewhere: string;
    continueHere: string;
    removed: string;
    ended: string;
    /** The technical word on a lost connection, for staff. */
    technical: (detail: string) => string;
    poor: string;
    lost: string;
  };
  controls: {
    heading: string;
    camera: string;
    microphone: string;
    screen: string;
    /** For staff: why the media buttons do nothing without a LiveKit server. */
    unavailable: string;
    /** The same for someone brought on stage from the audience, in plain words. */
    unavailableAudience: string;
    raiseHand: string;
    lowerHand: string;
    handRaised: string;
    onStage: string;
    devices: string;
    fullscreen: string;
    mediaFailed: Record<MediaFailure, string>;
  };
  /** The panel beside the stage, in tabs. */
  side: {
    label: string;
    run: string;
    questions: string;
    people: string;
    hands: (count: number) => string;
    /** Staff: how many attendees have the room open. */
    watching: (count: number) => string;
    /** Staff: someone raised a hand (shown, and announced to screen readers). */
    handRaisedBy: (name: string) => string;
    dismissAlert: string;
  };
  run: {
    heading: string;
    notOpenHint: string;
    moderatorWaiting: string;
    open: string;
    opening: string;
    backstageHint: string;
    goLive: string;
    goingLive: string;
    liveHint: string;
    startRecording: string;
    startingRecording: string;
    stopRecording: string;
    stoppingRecording: string;
    notRecorded: string;
    end: string;
    ending: string;
    confirmEndTitle: string;
    confirmEndText: string;
    confirmEnd: string;
    confirmEarlyTitle: string;
    /** `when`: the scheduled start, as a date and time. */
    confirmEarlyText: (when: string) => string;
    confirmEarly: string;
    cancel: string;
  };
  people: {
    handsHeading: (count: number) => string;
    noHands: string;
    raisedAt: (time: string) => string;
    newHand: (name: string) => string;
    bringOnStage: string;
    backToAudience: string;
    remove: string;
    confirmRemoveTitle: (name: string) => string;
    confirmRemoveText: string;
    confirmRemove: string;
    you: string;
  };
  devices: {
    heading: string;
    intro: string;
    camera: string;
    microphone: string;
    defaultDevice: string;
    unnamedCamera: (n: number) => string;
    unnamedMicrophone: (n: number) => string;
    start: string;
    starting: string;
    stop: string;
    preview: string;
    previewOff: string;
    level: string;
    failed: Record<MediaFailure, string>;
  };
  staff: {
    heading: string;
    intro: string;
    name: string;
    role: string;
    roles: Record<StaffRole, string>;
    roleHints: Record<StaffRole, string>;
    create: string;
    creating: string;
    createdHeading: (name: string, role: string) => string;
    createdText: string;
    linkLabel: string;
    copy: string;
    copied: string;
    copyFailed: string;
    caption: string;
    columns: { name: string; role: string; created: string; action: string };
    none: string;
    revoke: string;
    revokeLabel: (name: string) => string;
    revoked: (name: string) => string;
    confirmRevoke: (name: string) => string;
    loading: string;
    nameRequired: string;
    email: string;
    emailHint: string;
    emailInvalid: string;
    /** After a link went out by e-mail: to whom. */
    emailed: (address: string) => string;
  };
  /** Links to the Q&A's own screens, for the staff who use them. */
  qaLinks: {
    label: string;
    moderator: string;
    presenter: string;
    newTab: string;
  };
  organiserRoom: {
    heading: string;
    open: string;
    openHint: string;
    status: string;
    recording: string;
    recordingActive: string;
    recordingIdle: string;
    failuresHeading: string;
    failedAt: (time: string) => string;
    failureStatus: Record<'failed' | 'aborted' | 'limit_reached', string>;
    noReason: string;
    refresh: string;
  };
}

const nb: RoomMessages = {
  loading: 'Henter webinaret …',
  roles: { host: 'vert', presenter: 'presentatør', moderator: 'moderator', attendee: 'deltaker' },
  you: (name, role) => `Du er med som ${name} (${role}).`,
  statusLabel: 'Status',
  status: {
    not_open: 'Ikke startet',
    backstage: 'Bak scenen – ikke direkte ennå',
    live: 'Direkte nå',
    ended: 'Avsluttet',
  },
  announce: {
    not_open: 'Webinaret har ikke startet.',
    backstage: 'Bak scenen er åpnet. Publikum ser ingenting ennå.',
    live: 'Webinaret er direkte nå.',
    ended: 'Webinaret er avsluttet.',
    onStage: 'Du er på scenen. Knappene for kamera, mikrofon og skjermdeling er klare.',
    offStage: 'Du er tilbake i publikum.',
  },
  access: {
    heading: 'Webinaret',
    noLink: 'Åpne webinaret fra den personlige lenken du fikk på e-post da du meldte deg på.',
    signIn: 'Er du arrangør? Logg inn',
    invalid: 'Denne lenken er ikke gyldig. Den kan være trukket tilbake, eller opplysningene er slettet.',
    waitlisted: 'Du står på venteliste. Du kan bli med når du får plass.',
    cancelled: 'Påmeldingen din er avmeldt.',
    otherEvent: 'Denne lenken hører til et annet arrangement.',
    notYourEvent: 'Dette arrangementet hører til en annen organisasjon.',
    removed: 'Du er fjernet fra webinaret.',
    eventCancelled: 'Arrangementet er avlyst.',
    notFound: 'Fant ikke arrangementet.',
    eventLink: 'Gå til arrangementssiden',
  },
  streamReconnecting: 'Mistet kontakten med tjenesten. Prøver igjen … Det du ser, kan være utdatert.',
  refusals: {
    room_not_open: 'Bak scenen er ikke åpnet ennå.',
    room_not_live: 'Webinaret er ikke direkte ennå.',
    room_ended: 'Webinaret er avsluttet.',
    recording_active: 'Opptaket er allerede i gang.',
    recording_starting: 'Opptaket starter fortsatt. Prøv igjen om et øyeblikk.',
    no_active_recording: 'Det er ikke noe opptak i gang.',
    livekit_unavailable: 'Sendingen svarte ikke. Prøv igjen om et øyeblikk.',
    participant_not_found: 'Personen er ikke i webinaret lenger.',
    cannot_remove_yourself: 'Du kan ikke fjerne deg selv.',
    forbidden_for_role: 'Rollen din gir ikke lov til dette.',
  },
  recording: {
    active: 'Opptak pågår',
    since: (time) => `siden kl. ${time}`,
    stopped: 'Opptaket er stoppet.',
    notice:
      'Webinaret blir tatt opp. Det som vises og sies på scenen, kommer med i opptaket, som blir publisert i opptaksarkivet. Publikum er ikke med i opptaket.',
    failed: (reason) => `Opptaket feilet: ${reason}`,
  },
  waiting: {
    heading: 'Webinaret har ikke startet ennå',
    startsIn: 'Starter om',
    units: {
      days: (n) => (n === 1 ? 'dag' : 'dager'),
      hours: (n) => (n === 1 ? 'time' : 'timer'),
      minutes: (n) => (n === 1 ? 'minutt' : 'minutter'),
      seconds: (n) => (n === 1 ? 'sekund' : 'sekunder'),
    },
    announce: (days, hours, minutes) => {
      const parts = [
        days ? `${days} ${days === 1 ? 'dag' : 'dager'}` : '',
        hours ? `${hours} ${hours === 1 ? 'time' : 'timer'}` : '',
        minutes ? `${minutes} ${minutes === 1 ? 'minutt' : 'minutter'}` : '',
      ].filter(Boolean);
      const last = parts.pop();
      return `Webinaret starter om ${parts.length ? `${parts.join(', ')} og ${last}` : last}.`;
    },
    startingSoon: 'Webinaret starter straks.',
    backstage: 'Arrangørene gjør seg klare bak scenen.',
    autoUpdate: 'Du trenger ikke laste siden på nytt: den oppdaterer seg selv når webinaret starter.',
    about: 'Om webinaret',
  },
  ended: {
    heading: 'Takk for at du var med',
    text: 'Webinaret er avsluttet.',
    replayBy: (time) => `Opptaket blir publisert i opptaksarkivet senest ${time}.`,
    replaySoon: 'Opptaket finner du i opptaksarkivet når det er publisert.',
    noReplay: 'Webinaret ble ikke tatt opp.',
    archiveLink: 'Gå til opptaksarkivet',
  },
  join: {
    liveHeading: 'Webinaret er i gang',
    backstageHeading: 'Bak scenen er åpnet',
    attendeeText:
      'Du ser og hører dem som er på scenen. Kameraet og mikrofonen din blir ikke brukt, med mindre verten henter deg opp på scenen.',
    staffText: 'Gå inn bak scenen for å gjøre deg klar. Publikum ser ingenting før webinaret går direkte.',
    staffLiveText: 'Webinaret er direkte: publikum ser og hører dem som er på scenen.',
    join: 'Bli med i webinaret',
    enterBackstage: 'Gå inn bak scenen',
    joining: 'Kobler til …',
    failed: 'Du kom ikke inn i webinaret.',
  },
  stage: {
    heading: 'Scenen',
    onStageHeading: 'På scenen',
    nobody: 'Ingen er på scenen ennå.',
    screenOf: (name) => `Skjermen til ${name}`,
    cameraOff: (name) => `${name} (kameraet er av)`,
    unnamed: 'Ukjent deltaker',
    microphoneOff: 'mikrofonen er av',
    standIn:
      'Video og lyd er ikke tilgjengelig her: direktesending trenger en LiveKit-server, og denne installasjonen har ingen. Håndsopprekking, scenen, opptak og spørsmål virker likevel.',
    standInAudience:
      'Video og lyd er ikke tilgjengelig i dette webinaret. Du kan likevel rekke opp hånda og stille spørsmål.',
    speaking: 'snakker',
    audioBlocked: 'Nettleseren har stoppet lyden.',
    startAudio: 'Slå på lyden',
  },
  connection: {
    connecting: 'Kobler til direktesendingen …',
    reconnecting: 'Forbindelsen ble brutt. Kobler til igjen …',
    reconnected: 'Du er tilkoblet igjen.',
    disconnected: 'Du er ikke lenger koblet til direktesendingen.',
    reconnect: 'Koble til igjen',
    failed: 'Fikk ikke kontakt med direktesendingen.',
    tryAgain: 'Sjekk at du er koblet til internett, og prøv igjen.',
    elsewhere:
      'Du har åpnet webinaret et annet sted, for eksempel i en annen fane. Derfor er du koblet fra her.',
    continueHere: 'Fortsett her',
    removed: 'Du er fjernet fra webinaret.',
    ended: 'Webinaret er avsluttet.',
    technical: (detail) => `Teknisk: ${detail}`,
    poor: 'Forbindelsen din er svak. Bilde og lyd kan hakke.',
    lost: 'Forbindelsen din er borte et øyeblikk.',
  },
  controls: {
    heading: 'Dine kontroller',
    camera: 'Kamera',
    microphone: 'Mikrofon',
    screen: 'Del skjermen',
    unavailable: 'Kamera, mikrofon og skjermdeling trenger en LiveKit-server og virker ikke her.',
    unavailableAudience: 'Kamera, mikrofon og skjermdeling kan ikke brukes i dette webinaret.',
    raiseHand: 'Rekk opp hånda',
    lowerHand: 'Ta ned hånda',
    handRaised: 'Hånda di er oppe. Verten ser den.',
    onStage: 'Du er på scenen.',
    devices: 'Kamera og mikrofon',
    fullscreen: 'Fullskjerm',
    mediaFailed: {
      denied: 'Nettleseren fikk ikke lov til å bruke enheten. Sjekk tillatelsene for nettstedet.',
      not_found: 'Fant ingen slik enhet.',
      in_use: 'Enheten er i bruk av et annet program.',
      unsupported: 'Nettleseren støtter ikke dette.',
      other: 'Det gikk ikke å slå på enheten.',
    },
  },
  side: {
    label: 'Ved siden av scenen',
    run: 'Styring',
    questions: 'Spørsmål',
    people: 'Personer',
    hands: (count) => (count === 1 ? '1 hånd oppe' : `${count} hender oppe`),
    watching: (count) => (count === 1 ? '1 deltaker ser på' : `${count} deltakere ser på`),
    handRaisedBy: (name) => `${name} rakk opp hånden.`,
    dismissAlert: 'Lukk varselet',
  },
  run: {
    heading: 'Styr webinaret',
    notOpenHint: 'Åpne bak scenen for å gjøre dere klare. Publikum ser ingenting før du går direkte.',
    moderatorWaiting: 'Bak scenen er ikke åpnet ennå. Verten eller en presentatør åpner den.',
    open: 'Åpne bak scenen',
    opening: 'Åpner …',
    backstageHint: 'Publikum ser ingenting før du går direkte.',
    goLive: 'Gå direkte',
    goingLive: 'Går direkte …',
    liveHint: 'Webinaret er direkte. Publikum ser og hører scenen.',
    startRecording: 'Start opptak',
    startingRecording: 'Starter opptaket …',
    stopRecording: 'Stopp opptak',
    stoppingRecording: 'Stopper opptaket …',
    notRecorded: 'Arrangementet er satt opp uten opptak.',
    end: 'Avslutt webinaret',
    ending: 'Avslutter …',
    confirmEndTitle: 'Avslutte webinaret?',
    confirmEndText:
      'Alle blir koblet fra, og webinaret kan ikke startes igjen. Et opptak som pågår, blir stoppet.',
    confirmEnd: 'Ja, avslutt webinaret',
    confirmEarlyTitle: 'Gå direkte nå?',
    confirmEarlyText: (when) =>
      `Webinaret er satt opp til ${when}. Går du direkte nå, ser og hører publikum scenen med en gang.`,
    confirmEarly: 'Ja, gå direkte nå',
    cancel: 'Avbryt',
  },
  people: {
    handsHeading: (count) => `Rakte hender (${count})`,
    noHands: 'Ingen har rukket opp hånda.',
    raisedAt: (time) => `kl. ${time}`,
    newHand: (name) => `${name} rakk opp hånda.`,
    bringOnStage: 'Hent opp på scenen',
    backToAudience: 'Tilbake til publikum',
    remove: 'Fjern fra webinaret',
    confirmRemoveTitle: (name) => `Fjerne ${name} fra webinaret?`,
    confirmRemoveText: 'Personen blir koblet fra direktesendingen.',
    confirmRemove: 'Ja, fjern',
    you: 'deg',
  },
  devices: {
    heading: 'Kamera og mikrofon',
    intro: 'Sjekk bilde og lyd før du går på scenen. Forhåndsvisningen er bare for deg.',
    camera: 'Velg kamera',
    microphone: 'Velg mikrofon',
    defaultDevice: 'Standard',
    unnamedCamera: (n) => `Kamera ${n}`,
    unnamedMicrophone: (n) => `Mikrofon ${n}`,
    start: 'Prøv kamera og mikrofon',
    starting: 'Starter …',
    stop: 'Stopp forhåndsvisningen',
    preview: 'Forhåndsvisning av kameraet ditt',
    previewOff: 'Forhåndsvisningen er av.',
    level: 'Lydnivå fra mikrofonen',
    failed: {
      denied:
        'Nettleseren fikk ikke lov til å bruke kamera og mikrofon. Gi tillatelse i adressefeltet og prøv igjen.',
      not_found: 'Fant ikke kamera eller mikrofon.',
      in_use: 'Kameraet eller mikrofonen er i bruk av et annet program.',
      unsupported: 'Nettleseren støtter ikke kamera og mikrofon her.',
      other: 'Det gikk ikke å starte kamera og mikrofon.',
    },
  },
  staff: {
    heading: 'Lenker til direkterommet',
    intro:
      'Gi verter, presentatører og moderatorer hver sin lenke inn i direkterommet. Lenken vises bare én gang; den kan trekkes tilbake.',
    name: 'Navn',
    role: 'Rolle',
    roles: { host: 'Vert', presenter: 'Presentatør', moderator: 'Moderator' },
    roleHints: {
      host: 'Styrer alt: bak scenen, direkte, opptak, scenen og spørsmål.',
      presenter: 'Er på scenen med kamera og mikrofon, og kan starte og avslutte.',
      moderator: 'Styrer spørsmål og hvem som er på scenen, uten kamera og mikrofon.',
    },
    create: 'Lag lenke',
    creating: 'Lager lenken …',
    createdHeading: (name, role) => `Lenke for ${name} (${role})`,
    createdText: 'Kopier lenken og send den til personen nå. Den blir ikke vist igjen.',
    linkLabel: 'Lenken',
    copy: 'Kopier lenken',
    copied: 'Lenken er kopiert.',
    copyFailed: 'Kunne ikke kopiere. Merk lenken og kopier den selv.',
    caption: 'Lenker som er laget',
    columns: { name: 'Navn', role: 'Rolle', created: 'Laget', action: 'Handling' },
    none: 'Ingen lenker ennå.',
    revoke: 'Trekk tilbake',
    revokeLabel: (name) => `Trekk tilbake lenken til ${name}`,
    revoked: (name) => `Lenken til ${name} er trukket tilbake.`,
    confirmRevoke: (name) => `Trekke tilbake lenken til ${name}? Den slutter å virke med en gang.`,
    loading: 'Henter lenkene …',
    nameRequired: 'Skriv inn navnet til personen.',
    email: 'E-post (valgfritt)',
    emailHint:
      'Fyll inn for å sende lenken på e-post, med en kalenderinvitasjon. Adressen lagres ikke med lenken.',
    emailInvalid: 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.',
    emailed: (address) => `Lenken er også sendt på e-post til ${address}, med en kalenderinvitasjon.`,
  },
  qaLinks: {
    label: 'Spørsmål og svar',
    moderator: 'Moderer spørsmålene',
    presenter: 'Spørsmålsskjerm for presentatøren',
    newTab: '(åpnes i ny fane)',
  },
  organiserRoom: {
    heading: 'Direkterommet',
    open: 'Åpne direkterommet',
    openHint: 'Som arrangør er du vert i direkterommet.',
    status: 'Status',
    recording: 'Opptak',
    recordingActive: 'Opptak pågår',
    recordingIdle: 'Ikke i gang',
    failuresHeading: 'Opptak som feilet',
    failedAt: (time) => `Startet ${time}`,
    failureStatus: { failed: 'Feilet', aborted: 'Avbrutt', limit_reached: 'Nådde grensen for lengde' },
    noReason: 'Videoserveren oppga ingen grunn.',
    refresh: 'Oppdater',
  },
};

const nn: RoomMessages = {
  loading: 'Hentar webinaret …',
  roles: { host: 'vert', presenter: 'presentatør', moderator: 'moderator', attendee: 'deltakar' },
  you: (name, role) => `Du er med som ${name} (${role}).`,
  statusLabel: 'Status',
  status: {
    not_open: 'Ikkje starta',
    backstage: 'Bak scena – ikkje direkte enno',
    live: 'Direkte no',
    ended: 'Avslutta',
  },
  announce: {
    not_open: 'Webinaret har ikkje starta.',
    backstage: 'Bak scena er opna. Publikum ser ingenting enno.',
    live: 'Webinaret er direkte no.',
    ended: 'Webinaret er avslutta.',
    onStage: 'Du er på scena. Knappane for kamera, mikrofon og skjermdeling er klare.',
    offStage: 'Du er tilbake i publikum.',
  },
  access: {
    heading: 'Webinaret',
    noLink: 'Opne webinaret frå den personlege lenkja du fekk på e-post då du melde deg på.',
    signIn: 'Er du arrangør? Logg inn',
    invalid: 'Denne lenkja er ikkje gyldig. Ho kan vere trekt tilbake, eller opplysningane er sletta.',
    waitlisted: 'Du står på venteliste. Du kan bli med når du får plass.',
    cancelled: 'Påmeldinga di er avmeld.',
    otherEvent: 'Denne lenkja høyrer til eit anna arrangement.',
    notYourEvent: 'Dette arrangementet høyrer til ein annan organisasjon.',
    removed: 'Du er fjerna frå webinaret.',
    eventCancelled: 'Arrangementet er avlyst.',
    notFound: 'Fann ikkje arrangementet.',
    eventLink: 'Gå til arrangementssida',
  },
  streamReconnecting: 'Mista kontakten med tenesta. Prøver igjen … Det du ser, kan vere utdatert.',
  refusals: {
    room_not_open: 'Bak scena er ikkje opna enno.',
    room_not_live: 'Webinaret er ikkje direkte enno.',
    room_ended: 'Webinaret er avslutta.',
    recording_active: 'Opptaket er alt i gang.',
    recording_starting: 'Opptaket startar framleis. Prøv igjen om eit augeblikk.',
    no_active_recording: 'Det er ikkje noko opptak i gang.',
    livekit_unavailable: 'Sendinga svara ikkje. Prøv igjen om eit augeblikk.',
    participant_not_found: 'Personen er ikkje i webinaret lenger.',
    cannot_remove_yourself: 'Du kan ikkje fjerne deg sjølv.',
    forbidden_for_role: 'Rolla di gjev ikkje lov til dette.',
  },
  recording: {
    active: 'Opptak pågår',
    since: (time) => `sidan kl. ${time}`,
    stopped: 'Opptaket er stoppa.',
    notice:
      'Webinaret blir teke opp. Det som blir vist og sagt på scena, kjem med i opptaket, som blir publisert i opptaksarkivet. Publikum er ikkje med i opptaket.',
    failed: (reason) => `Opptaket feila: ${reason}`,
  },
  waiting: {
    heading: 'Webinaret har ikkje starta enno',
    startsIn: 'Startar om',
    units: {
      days: (n) => (n === 1 ? 'dag' : 'dagar'),
      hours: (n) => (n === 1 ? 'time' : 'timar'),
      minutes: () => 'minutt',
      seconds: () => 'sekund',
    },
    announce: (days, hours, minutes) => {
      const parts = [
        days ? `${days} ${days === 1 ? 'dag' : 'dagar'}` : '',
        hours ? `${hours} ${hours === 1 ? 'time' : 'timar'}` : '',
        minutes ? `${minutes} minutt` : '',
      ].filter(Boolean);
      const last = parts.pop();
      return `Webinaret startar om ${parts.length ? `${parts.join(', ')} og ${last}` : last}.`;
    },
    startingSoon: 'Webinaret startar straks.',
    backstage: 'Arrangørane gjer seg klare bak scena.',
    autoUpdate: 'Du treng ikkje laste sida på nytt: ho oppdaterer seg sjølv når webinaret startar.',
    about: 'Om webinaret',
  },
  ended: {
    heading: 'Takk for at du var med',
    text: 'Webinaret er avslutta.',
    replayBy: (time) => `Opptaket blir publisert i opptaksarkivet seinast ${time}.`,
    replaySoon: 'Opptaket finn du i opptaksarkivet når det er publisert.',
    noReplay: 'Webinaret vart ikkje teke opp.',
    archiveLink: 'Gå til opptaksarkivet',
  },
  join: {
    liveHeading: 'Webinaret er i gang',
    backstageHeading: 'Bak scena er opna',
    attendeeText:
      'Du ser og høyrer dei som er på scena. Kameraet og mikrofonen din blir ikkje brukte, med mindre verten hentar deg opp på scena.',
    staffText: 'Gå inn bak scena for å gjere deg klar. Publikum ser ingenting før webinaret går direkte.',
    staffLiveText: 'Webinaret er direkte: publikum ser og høyrer dei som er på scena.',
    join: 'Bli med i webinaret',
    enterBackstage: 'Gå inn bak scena',
    joining: 'Koplar til …',
    failed: 'Du kom ikkje inn i webinaret.',
  },
  stage: {
    heading: 'Scena',
    onStageHeading: 'På scena',
    nobody: 'Ingen er på scena enno.',
    screenOf: (name) => `Skjermen til ${name}`,
    cameraOff: (name) => `${name} (kameraet er av)`,
    unnamed: 'Ukjend deltakar',
    microphoneOff: 'mikrofonen er av',
    standIn:
      'Video og lyd er ikkje tilgjengeleg her: direktesending treng ein LiveKit-server, og denne installasjonen har ingen. Handsopprekking, scena, opptak og spørsmål verkar likevel.',
    standInAudience:
      'Video og lyd er ikkje tilgjengeleg i dette webinaret. Du kan likevel rekke opp handa og stille spørsmål.',
    speaking: 'snakkar',
    audioBlocked: 'Nettlesaren har stoppa lyden.',
    startAudio: 'Slå på lyden',
  },
  connection: {
    connecting: 'Koplar til direktesendinga …',
    reconnecting: 'Sambandet vart broten. Koplar til igjen …',
    reconnected: 'Du er tilkopla igjen.',
    disconnected: 'Du er ikkje lenger kopla til direktesendinga.',
    reconnect: 'Kopla til igjen',
    failed: 'Fekk ikkje kontakt med direktesendinga.',
    tryAgain: 'Sjekk at du er kopla til internett, og prøv igjen.',
    elsewhere: 'Du har opna webinaret ein annan stad, til dømes i ei anna fane. Difor er du kopla frå her.',
    continueHere: 'Hald fram her',
    removed: 'Du er fjerna frå webinaret.',
    ended: 'Webinaret er avslutta.',
    technical: (detail) => `Teknisk: ${detail}`,
    poor: 'Sambandet ditt er svakt. Bilete og lyd kan hakke.',
    lost: 'Sambandet ditt er borte eit augeblikk.',
  },
  controls: {
    heading: 'Kontrollane dine',
    camera: 'Kamera',
    microphone: 'Mikrofon',
    screen: 'Del skjermen',
    unavailable: 'Kamera, mikrofon og skjermdeling treng ein LiveKit-server og verkar ikkje her.',
    unavailableAudience: 'Kamera, mikrofon og skjermdeling kan ikkje brukast i dette webinaret.',
    raiseHand: 'Rekk opp handa',
    lowerHand: 'Ta ned handa',
    handRaised: 'Handa di er oppe. Verten ser henne.',
    onStage: 'Du er på scena.',
    devices: 'Kamera og mikrofon',
    fullscreen: 'Fullskjerm',
    mediaFailed: {
      denied: 'Nettlesaren fekk ikkje lov til å bruke eininga. Sjekk løyva for nettstaden.',
      not_found: 'Fann inga slik eining.',
      in_use: 'Eininga er i bruk av eit anna program.',
      unsupported: 'Nettlesaren støttar ikkje dette.',
      other: 'Det gjekk ikkje å slå på eininga.',
    },
  },
  side: {
    label: 'Ved sida av scena',
    run: 'Styring',
    questions: 'Spørsmål',
    people: 'Personar',
    hands: (count) => (count === 1 ? '1 hand oppe' : `${count} hender oppe`),
    watching: (count) => (count === 1 ? '1 deltakar ser på' : `${count} deltakarar ser på`),
    handRaisedBy: (name) => `${name} rekte opp handa.`,
    dismissAlert: 'Lukk varselet',
  },
  run: {
    heading: 'Styr webinaret',
    notOpenHint: 'Opne bak scena for å gjere dykk klare. Publikum ser ingenting før du går direkte.',
    moderatorWaiting: 'Bak scena er ikkje opna enno. Verten eller ein presentatør opnar henne.',
    open: 'Opne bak scena',
    opening: 'Opnar …',
    backstageHint: 'Publikum ser ingenting før du går direkte.',
    goLive: 'Gå direkte',
    goingLive: 'Går direkte …',
    liveHint: 'Webinaret er direkte. Publikum ser og høyrer scena.',
    startRecording: 'Start opptak',
    startingRecording: 'Startar opptaket …',
    stopRecording: 'Stopp opptak',
    stoppingRecording: 'Stoppar opptaket …',
    notRecorded: 'Arrangementet er sett opp utan opptak.',
    end: 'Avslutt webinaret',
    ending: 'Avsluttar …',
    confirmEndTitle: 'Avslutte webinaret?',
    confirmEndText:
      'Alle blir kopla frå, og webinaret kan ikkje startast igjen. Eit opptak som pågår, blir stoppa.',
    confirmEnd: 'Ja, avslutt webinaret',
    confirmEarlyTitle: 'Gå direkte no?',
    confirmEarlyText: (when) =>
      `Webinaret er sett opp til ${when}. Går du direkte no, ser og høyrer publikum scena med ein gong.`,
    confirmEarly: 'Ja, gå direkte no',
    cancel: 'Avbryt',
  },
  people: {
    handsHeading: (count) => `Rekte hender (${count})`,
    noHands: 'Ingen har rekt opp handa.',
    raisedAt: (time) => `kl. ${time}`,
    newHand: (name) => `${name} rekte opp handa.`,
    bringOnStage: 'Hent opp på scena',
    backToAudience: 'Tilbake til publikum',
    remove: 'Fjern frå webinaret',
    confirmRemoveTitle: (name) => `Fjerne ${name} frå webinaret?`,
    confirmRemoveText: 'Personen blir kopla frå direktesendinga.',
    confirmRemove: 'Ja, fjern',
    you: 'deg',
  },
  devices: {
    heading: 'Kamera og mikrofon',
    intro: 'Sjekk bilete og lyd før du går på scena. Førehandsvisinga er berre for deg.',
    camera: 'Vel kamera',
    microphone: 'Vel mikrofon',
    defaultDevice: 'Standard',
    unnamedCamera: (n) => `Kamera ${n}`,
    unnamedMicrophone: (n) => `Mikrofon ${n}`,
    start: 'Prøv kamera og mikrofon',
    starting: 'Startar …',
    stop: 'Stopp førehandsvisinga',
    preview: 'Førehandsvising av kameraet ditt',
    previewOff: 'Førehandsvisinga er av.',
    level: 'Lydnivå frå mikrofonen',
    failed: {
      denied:
        'Nettlesaren fekk ikkje lov til å bruke kamera og mikrofon. Gje løyve i adressefeltet og prøv igjen.',
      not_found: 'Fann ikkje kamera eller mikrofon.',
      in_use: 'Kameraet eller mikrofonen er i bruk av eit anna program.',
      unsupported: 'Nettlesaren støttar ikkje kamera og mikrofon her.',
      other: 'Det gjekk ikkje å starte kamera og mikrofon.',
    },
  },
  staff: {
    heading: 'Lenkjer til direkterommet',
    intro:
      'Gje vertar, presentatørar og moderatorar kvar si lenkje inn i direkterommet. Lenkja blir berre vist éin gong; ho kan trekkjast tilbake.',
    name: 'Namn',
    role: 'Rolle',
    roles: { host: 'Vert', presenter: 'Presentatør', moderator: 'Moderator' },
    roleHints: {
      host: 'Styrer alt: bak scena, direkte, opptak, scena og spørsmål.',
      presenter: 'Er på scena med kamera og mikrofon, og kan starte og avslutte.',
      moderator: 'Styrer spørsmål og kven som er på scena, utan kamera og mikrofon.',
    },
    create: 'Lag lenkje',
    creating: 'Lagar lenkja …',
    createdHeading: (name, role) => `Lenkje for ${name} (${role})`,
    createdText: 'Kopier lenkja og send henne til personen no. Ho blir ikkje vist igjen.',
    linkLabel: 'Lenkja',
    copy: 'Kopier lenkja',
    copied: 'Lenkja er kopiert.',
    copyFailed: 'Kunne ikkje kopiere. Merk lenkja og kopier henne sjølv.',
    caption: 'Lenkjer som er laga',
    columns: { name: 'Namn', role: 'Rolle', created: 'Laga', action: 'Handling' },
    none: 'Ingen lenkjer enno.',
    revoke: 'Trekk tilbake',
    revokeLabel: (name) => `Trekk tilbake lenkja til ${name}`,
    revoked: (name) => `Lenkja til ${name} er trekt tilbake.`,
    confirmRevoke: (name) => `Trekkje tilbake lenkja til ${name}? Ho sluttar å verke med ein gong.`,
    loading: 'Hentar lenkjene …',
    nameRequired: 'Skriv inn namnet til personen.',
    email: 'E-post (valfritt)',
    emailHint:
      'Fyll inn for å sende lenkja på e-post, med ein kalenderinvitasjon. Adressa blir ikkje lagra med lenkja.',
    emailInvalid: 'Skriv ei gyldig e-postadresse, til dømes namn@kommune.no.',
    emailed: (address) => `Lenkja er òg send på e-post til ${address}, med ein kalenderinvitasjon.`,
  },
  qaLinks: {
    label: 'Spørsmål og svar',
    moderator: 'Moderer spørsmåla',
    presenter: 'Spørsmålsskjerm for presentatøren',
    newTab: '(blir opna i ny fane)',
  },
  organiserRoom: {
    heading: 'Direkterommet',
    open: 'Opne direkterommet',
    openHint: 'Som arrangør er du vert i direkterommet.',
    status: 'Status',
    recording: 'Opptak',
    recordingActive: 'Opptak pågår',
    recordingIdle: 'Ikkje i gang',
    failuresHeading: 'Opptak som feila',
    failedAt: (time) => `Starta ${time}`,
    failureStatus: { failed: 'Feila', aborted: 'Avbrote', limit_reached: 'Nådde grensa for lengd' },
    noReason: 'Videoserveren oppgav ingen grunn.',
    refresh: 'Oppdater',
  },
};

const en: RoomMessages = {
  loading: 'Loading the webinar …',
  roles: { host: 'host', presenter: 'presenter', moderator: 'moderator', attendee: 'attendee' },
  you: (name, role) => `You are here as ${name} (${role}).`,
  statusLabel: 'Status',
  status: {
    not_open: 'Not started',
    backstage: 'Backstage – not live yet',
    live: 'Live now',
    ended: 'Ended',
  },
  announce: {
    not_open: 'The webinar has not started.',
    backstage: 'The backstage is open. The audience sees nothing yet.',
    live: 'The webinar is live now.',
    ended: 'The webinar has ended.',
    onStage: 'You are on stage. The camera, microphone and screen sharing buttons are ready.',
    offStage: 'You are back in the audience.',
  },
  access: {
    heading: 'The webinar',
    noLink: 'Open the webinar from the personal link you were e-mailed when you registered.',
    signIn: 'Are you the organiser? Sign in',
    invalid: 'This link is not valid. It may have been revoked, or its details deleted.',
    waitlisted: 'You are on the waiting list. You can join when you get a seat.',
    cancelled: 'Your registration has been cancelled.',
    otherEvent: 'This link belongs to another event.',
    notYourEvent: 'This event belongs to another organisation.',
    removed: 'You have been removed from the webinar.',
    eventCancelled: 'This event has been cancelled.',
    notFound: 'Event not found.',
    eventLink: 'Go to the event page',
  },
  streamReconnecting: 'Lost contact with the service. Trying again … What you see may be out of date.',
  refusals: {
    room_not_open: 'The backstage has not been opened yet.',
    room_not_live: 'The webinar is not live yet.',
    room_ended: 'The webinar has ended.',
    recording_active: 'The recording is already running.',
    recording_starting: 'The recording is still starting. Try again in a moment.',
    no_active_recording: 'No recording is running.',
    livekit_unavailable: 'The broadcast did not answer. Try again in a moment.',
    participant_not_found: 'They are no longer in the webinar.',
    cannot_remove_yourself: 'You cannot remove yourself.',
    forbidden_for_role: 'Your role does not allow this.',
  },
  recording: {
    active: 'Recording',
    since: (time) => `since ${time}`,
    stopped: 'The recording has stopped.',
    notice:
      'This webinar is recorded. What is shown and said on stage is recorded and published in the recordings archive. The audience is not recorded.',
    failed: (reason) => `The recording failed: ${reason}`,
  },
  waiting: {
    heading: 'The webinar has not started yet',
    startsIn: 'Starts in',
    units: {
      days: (n) => (n === 1 ? 'day' : 'days'),
      hours: (n) => (n === 1 ? 'hour' : 'hours'),
      minutes: (n) => (n === 1 ? 'minute' : 'minutes'),
      seconds: (n) => (n === 1 ? 'second' : 'seconds'),
    },
    announce: (days, hours, minutes) => {
      const parts = [
        days ? `${days} ${days === 1 ? 'day' : 'days'}` : '',
        hours ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : '',
        minutes ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : '',
      ].filter(Boolean);
      const last = parts.pop();
      return `The webinar starts in ${parts.length ? `${parts.join(', ')} and ${last}` : last}.`;
    },
    startingSoon: 'The webinar is about to start.',
    backstage: 'The organisers are getting ready backstage.',
    autoUpdate: 'There is no need to reload: this page updates itself when the webinar starts.',
    about: 'About the webinar',
  },
  ended: {
    heading: 'Thank you for joining',
    text: 'The webinar has ended.',
    replayBy: (time) => `The recording will be published in the recordings archive by ${time}.`,
    replaySoon: 'You will find the recording in the recordings archive once it is published.',
    noReplay: 'The webinar was not recorded.',
    archiveLink: 'Go to the recordings archive',
  },
  join: {
    liveHeading: 'The webinar is on',
    backstageHeading: 'The backstage is open',
    attendeeText:
      'You will see and hear the people on stage. Your camera and microphone are not used unless the host brings you on stage.',
    staffText: 'Enter the backstage to get ready. The audience sees nothing until the webinar goes live.',
    staffLiveText: 'The webinar is live: the audience sees and hears those on stage.',
    join: 'Join the webinar',
    enterBackstage: 'Enter the backstage',
    joining: 'Connecting …',
    failed: 'You could not join the webinar.',
  },
  stage: {
    heading: 'The stage',
    onStageHeading: 'On stage',
    nobody: 'Nobody is on stage yet.',
    screenOf: (name) => `${name}’s screen`,
    cameraOff: (name) => `${name} (camera off)`,
    unnamed: 'Unknown participant',
    microphoneOff: 'microphone off',
    standIn:
      'Video and sound are not available here: live streaming needs a LiveKit server, and this installation has none. Raising hands, the stage, recording and questions still work.',
    standInAudience:
      'Video and sound are not available in this webinar. You can still raise your hand and ask questions.',
    speaking: 'speaking',
    audioBlocked: 'The browser has paused the sound.',
    startAudio: 'Turn the sound on',
  },
  connection: {
    connecting: 'Connecting to the live stream …',
    reconnecting: 'The connection was lost. Reconnecting …',
    reconnected: 'You are connected again.',
    disconnected: 'You are no longer connected to the live stream.',
    reconnect: 'Reconnect',
    failed: 'Could not reach the live stream.',
    tryAgain: 'Check that you are connected to the internet, and try again.',
    elsewhere:
      'You have opened the webinar somewhere else, in another tab for example, so you are disconnected here.',
    continueHere: 'Continue here',
    removed: 'You have been removed from the webinar.',
    ended: 'The webinar has ended.',
    technical: (detail) => `Technical detail: ${detail}`,
    poor: 'Your connection is weak. Picture and sound may stutter.',
    lost: 'Your connection has dropped for a moment.',
  },
  controls: {
    heading: 'Your controls',
    camera: 'Camera',
    microphone: 'Microphone',
    screen: 'Share screen',
    unavailable: 'Camera, microphone and screen sharing need a LiveKit server and do not work here.',
    unavailableAudience: 'Camera, microphone and screen sharing cannot be used in this webinar.',
    raiseHand: 'Raise your hand',
    lowerHand: 'Lower your hand',
    handRaised: 'Your hand is raised. The host can see it.',
    onStage: 'You are on stage.',
    devices: 'Camera and microphone',
    fullscreen: 'Full screen',
    mediaFailed: {
      denied: 'The browser was not allowed to use the device. Check the site’s permissions.',
      not_found: 'No such device was found.',
      in_use: 'Another program is using the device.',
      unsupported: 'The browser does not support this.',
      other: 'The device could not be turned on.',
    },
  },
  side: {
    label: 'Beside the stage',
    run: 'Host tools',
    questions: 'Questions',
    people: 'People',
    hands: (count) => (count === 1 ? '1 hand raised' : `${count} hands raised`),
    watching: (count) => (count === 1 ? '1 attendee watching' : `${count} attendees watching`),
    handRaisedBy: (name) => `${name} raised a hand.`,
    dismissAlert: 'Dismiss the alert',
  },
  run: {
    heading: 'Run the webinar',
    notOpenHint: 'Open the backstage to get ready. The audience sees nothing until you go live.',
    moderatorWaiting: 'The backstage is not open yet. The host or a presenter opens it.',
    open: 'Open the backstage',
    opening: 'Opening …',
    backstageHint: 'The audience sees nothing until you go live.',
    goLive: 'Go live',
    goingLive: 'Going live …',
    liveHint: 'The webinar is live. The audience sees and hears the stage.',
    startRecording: 'Start recording',
    startingRecording: 'Starting the recording …',
    stopRecording: 'Stop recording',
    stoppingRecording: 'Stopping the recording …',
    notRecorded: 'This event is set up without recording.',
    end: 'End the webinar',
    ending: 'Ending …',
    confirmEndTitle: 'End the webinar?',
    confirmEndText:
      'Everyone is disconnected, and the webinar cannot be started again. A running recording is stopped.',
    confirmEnd: 'Yes, end the webinar',
    confirmEarlyTitle: 'Go live now?',
    confirmEarlyText: (when) =>
      `The webinar is scheduled for ${when}. If you go live now, the audience sees and hears the stage at once.`,
    confirmEarly: 'Yes, go live now',
    cancel: 'Cancel',
  },
  people: {
    handsHeading: (count) => `Raised hands (${count})`,
    noHands: 'Nobody has raised a hand.',
    raisedAt: (time) => `at ${time}`,
    newHand: (name) => `${name} raised a hand.`,
    bringOnStage: 'Bring on stage',
    backToAudience: 'Back to the audience',
    remove: 'Remove from the webinar',
    confirmRemoveTitle: (name) => `Remove ${name} from the webinar?`,
    confirmRemoveText: 'They will be disconnected from the live stream.',
    confirmRemove: 'Yes, remove',
    you: 'you',
  },
  devices: {
    heading: 'Camera and microphone',
    intro: 'Check your picture and sound before you go on stage. Only you see the preview.',
    camera: 'Choose camera',
    microphone: 'Choose microphone',
    defaultDevice: 'Default',
    unnamedCamera: (n) => `Camera ${n}`,
    unnamedMicrophone: (n) => `Microphone ${n}`,
    start: 'Test camera and microphone',
    starting: 'Starting …',
    stop: 'Stop the preview',
    preview: 'Preview of your camera',
    previewOff: 'The preview is off.',
    level: 'Microphone level',
    failed: {
      denied:
        'The browser was not allowed to use the camera and microphone. Allow them in the address bar and try again.',
      not_found: 'No camera or microphone was found.',
      in_use: 'Another program is using the camera or microphone.',
      unsupported: 'The browser does not support a camera and microphone here.',
      other: 'The camera and microphone could not be started.',
    },
  },
  staff: {
    heading: 'Links to the live room',
    intro:
      'Give hosts, presenters and moderators a link of their own into the live room. A link is shown once only; it can be revoked.',
    name: 'Name',
    role: 'Role',
    roles: { host: 'Host', presenter: 'Presenter', moderator: 'Moderator' },
    roleHints: {
      host: 'Runs everything: backstage, going live, recording, the stage and questions.',
      presenter: 'Is on stage with camera and microphone, and can start and end.',
      moderator: 'Steers the questions and who is on stage, without camera or microphone.',
    },
    create: 'Create link',
    creating: 'Creating the link …',
    createdHeading: (name, role) => `Link for ${name} (${role})`,
    createdText: 'Copy the link and send it to them now. It will not be shown again.',
    linkLabel: 'The link',
    copy: 'Copy the link',
    copied: 'The link has been copied.',
    copyFailed: 'Could not copy. Select the link and copy it yourself.',
    caption: 'Links created',
    columns: { name: 'Name', role: 'Role', created: 'Created', action: 'Action' },
    none: 'No links yet.',
    revoke: 'Revoke',
    revokeLabel: (name) => `Revoke the link for ${name}`,
    revoked: (name) => `The link for ${name} has been revoked.`,
    confirmRevoke: (name) => `Revoke the link for ${name}? It stops working at once.`,
    loading: 'Loading the links …',
    nameRequired: 'Enter the person’s name.',
    email: 'E-mail (optional)',
    emailHint:
      'Fill in to send the link by e-mail, with a calendar invitation. The address is not kept with the link.',
    emailInvalid: 'Enter a valid e-mail address, for example name@municipality.no.',
    emailed: (address) => `The link has also been sent by e-mail to ${address}, with a calendar invitation.`,
  },
  qaLinks: {
    label: 'Questions and answers',
    moderator: 'Moderate the questions',
    presenter: "Presenter's question screen",
    newTab: '(opens in a new tab)',
  },
  organiserRoom: {
    heading: 'The live room',
    open: 'Open the live room',
    openHint: 'As the organiser you are a host in the live room.',
    status: 'Status',
    recording: 'Recording',
    recordingActive: 'Recording',
    recordingIdle: 'Not running',
    failuresHeading: 'Recordings that failed',
    failedAt: (time) => `Started ${time}`,
    failureStatus: { failed: 'Failed', aborted: 'Aborted', limit_reached: 'Reached the length limit' },
    noReason: 'The video server gave no reason.',
    refresh: 'Refresh',
  },
};

export const roomMessages: Record<Locale, RoomMessages> = { nb, nn, en };
