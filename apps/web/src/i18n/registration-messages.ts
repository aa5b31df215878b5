import type { EventMode, Locale } from '@folkemote/domain';

/** The public registration pages' strings: event page, form, privacy page and the personal link page. */
export interface RegistrationMessages {
  event: {
    loading: string;
    notFound: string;
    time: string;
    place: string;
    modes: Record<EventMode, string>;
    organiser: string;
    contact: string;
    seats: string;
    seatsLeft: (n: number) => string;
    unlimited: string;
    deadline: string;
    recorded: string;
    cancelled: string;
    about: string;
    backToEvents: string;
    openEvent: (title: string) => string;
  };
  state: {
    open: string;
    waitlist: string;
    full: string;
    notYetOpen: (date: string) => string;
    closed: string;
    cancelled: string;
  };
  form: {
    heading: string;
    intro: string;
    name: string;
    email: string;
    emailHint: string;
    organisation: string;
    organisationHint: string;
    accessibility: string;
    accessibilityHint: string;
    optional: string;
    consent: string;
    consentPrivacyLink: string;
    honeypot: string;
    submit: string;
    submitting: string;
    errorTitle: string;
    errorIntro: string;
    errors: {
      required: string;
      email: string;
      tooLong: string;
      consent: string;
      generic: string;
      rateLimited: string;
    };
  };
  success: {
    confirmedHeading: string;
    waitlistedHeading: string;
    alreadyHeading: string;
    confirmedText: string;
    waitlistedText: string;
    alreadyText: string;
    nextSteps: string;
    stepEmail: string;
    stepCalendar: string;
    stepLink: string;
    openLink: string;
  };
  privacy: {
    title: (event: string) => string;
    controller: (organisation: string) => string;
    whatHeading: string;
    what: string[];
    whyHeading: string;
    why: string;
    recorded: string;
    howLongHeading: string;
    howLong: (days: number) => string;
    /** What happens to the questions someone asked in the webinar, at the end of retention. */
    questions: string;
    deleteHeading: string;
    delete: string;
    /** What happens to one's questions when one deletes one's own details. */
    deleteQuestions: string;
    contactHeading: string;
    backToEvent: string;
  };
  personal: {
    title: string;
    loading: string;
    invalid: string;
    yourRegistration: string;
    status: { confirmed: string; waitlisted: string; cancelled: string };
    statusLabel: string;
    name: string;
    email: string;
    organisation: string;
    accessibility: string;
    registeredAt: string;
    none: string;
    join: string;
    joinLater: string;
    cancelHeading: string;
    cancelText: string;
    cancel: string;
    cancelling: string;
    cancelled: string;
    deleteHeading: string;
    deleteText: string;
    deleteConfirm: string;
    delete: string;
    deleting: string;
    deleted: string;
    privacyLink: string;
  };
}

export const registrationMessages: Record<Locale, RegistrationMessages> = {
  nb: {
    event: {
      loading: 'Henter arrangementet …',
      notFound: 'Vi finner ikke dette arrangementet.',
      time: 'Tid',
      place: 'Sted',
      modes: { online: 'På nett', onsite: 'Fysisk oppmøte', hybrid: 'Fysisk oppmøte og på nett' },
      organiser: 'Arrangør',
      contact: 'Kontaktperson',
      seats: 'Plasser',
      seatsLeft: (n) => (n === 1 ? '1 ledig plass' : `${n} ledige plasser`),
      unlimited: 'Ingen begrensning',
      deadline: 'Påmeldingsfrist',
      recorded: 'Webinaret blir tatt opp. Opptaket kan bli publisert i etterkant.',
      cancelled: 'Dette arrangementet er avlyst.',
      about: 'Om arrangementet',
      backToEvents: 'Alle arrangementer',
      openEvent: (title) => `Les mer og meld deg på: ${title}`,
    },
    state: {
      open: 'Påmeldingen er åpen.',
      waitlist: 'Alle plassene er tatt. Meld deg på venteliste, så får du e-post hvis en plass blir ledig.',
      full: 'Alle plassene er tatt, og det er ingen venteliste.',
      notYetOpen: (date) => `Påmeldingen åpner ${date}.`,
      closed: 'Påmeldingen er stengt.',
      cancelled: 'Arrangementet er avlyst, så påmeldingen er stengt.',
    },
    form: {
      heading: 'Meld deg på',
      intro: 'Felt merket «valgfritt» kan du la stå tomme.',
      name: 'Navn',
      email: 'E-postadresse',
      emailHint: 'Hit sender vi bekreftelsen og din personlige lenke.',
      organisation: 'Kommune eller organisasjon',
      organisationHint: 'For eksempel Sømna kommune.',
      accessibility: 'Behov for tilrettelegging',
      accessibilityHint: 'For eksempel teksting, tegnspråktolk eller tilgjengelig inngang.',
      optional: 'valgfritt',
      consent: 'Jeg har lest personvernerklæringen og samtykker til at opplysningene brukes til påmeldingen.',
      consentPrivacyLink: 'Les personvernerklæringen for arrangementet',
      honeypot: 'Ikke fyll ut dette feltet',
      submit: 'Meld meg på',
      submitting: 'Sender påmeldingen …',
      errorTitle: 'Påmeldingen ble ikke sendt',
      errorIntro: 'Rett opp dette og prøv igjen:',
      errors: {
        required: 'Fyll ut feltet.',
        email: 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.',
        tooLong: 'Teksten er for lang.',
        consent: 'Du må samtykke for å melde deg på.',
        generic: 'Verdien er ikke gyldig.',
        rateLimited: 'Det er sendt for mange påmeldinger fra dette nettverket. Vent litt og prøv igjen.',
      },
    },
    success: {
      confirmedHeading: 'Du er påmeldt',
      waitlistedHeading: 'Du står på venteliste',
      alreadyHeading: 'Du var allerede påmeldt',
      confirmedText: 'Takk! Plassen din er bekreftet.',
      waitlistedText: 'Alle plassene er tatt. Du får e-post hvis en plass blir ledig.',
      alreadyText: 'Denne e-postadressen er allerede påmeldt. Vi har sendt deg lenken din på nytt.',
      nextSteps: 'Dette skjer nå',
      stepEmail: 'Du får en e-post med bekreftelse og din personlige lenke.',
      stepCalendar: 'E-posten har en kalenderinvitasjon, og du får påminnelser et døgn og en time før start.',
      stepLink:
        'Med den personlige lenken blir du med i webinaret, og du kan melde deg av eller slette opplysningene dine.',
      openLink: 'Åpne din personlige side',
    },
    privacy: {
      title: (event) => `Personvern: ${event}`,
      controller: (organisation) =>
        `${organisation} er behandlingsansvarlig for påmeldingen til dette arrangementet.`,
      whatHeading: 'Hva vi lagrer',
      what: [
        'Navn og e-postadresse.',
        'Kommune eller organisasjon og behov for tilrettelegging, hvis du oppgir det.',
        'Svar på eventuelle spørsmål fra arrangøren.',
        'Tidspunktet du meldte deg på og samtykket.',
        'E-postene vi sender deg om arrangementet.',
        'Spørsmål du stiller i webinaret, og hvilke spørsmål du stemmer på.',
      ],
      whyHeading: 'Hvorfor',
      why: 'For å holde av plassen din, sende deg lenke, kalenderinvitasjon, påminnelser og endringer, og for å legge til rette for deg. Opplysningene brukes ikke til noe annet og deles ikke med andre.',
      recorded: 'Webinaret blir tatt opp. Navnet ditt vises ikke i opptaket med mindre du selv tar ordet.',
      howLongHeading: 'Hvor lenge',
      howLong: (days) =>
        `Opplysningene slettes automatisk ${days} dager etter at arrangementet er over. Bare antallet påmeldte blir igjen.`,
      questions:
        'Samtidig slettes spørsmålene som ikke ble besvart i webinaret, og hvem som stemte på hva. Spørsmål som ble besvart, blir stående uten navnet ditt, med teksten slik moderatoren slapp den gjennom, fordi de ble besvart offentlig og kan være kapitler i opptaket. Teksten slik du skrev den, slettes.',
      deleteHeading: 'Se og slett opplysningene dine',
      delete:
        'Bruk den personlige lenken i e-posten du fikk. Der ser du hva vi har lagret, og du kan slette alt med én knapp.',
      deleteQuestions:
        'Sletter du opplysningene dine, slettes også spørsmålene dine som ikke er besvart i webinaret, og de forsvinner fra spørsmålslisten med en gang hvis webinaret pågår. Spørsmål som er besvart, blir stående uten navnet ditt og bare med teksten slik moderatoren slapp den gjennom.',
      contactHeading: 'Spørsmål',
      backToEvent: 'Tilbake til arrangementet',
    },
    personal: {
      title: 'Din påmelding',
      loading: 'Henter påmeldingen …',
      invalid: 'Denne lenken er ikke gyldig, eller opplysningene er slettet.',
      yourRegistration: 'Dette har vi lagret om deg',
      status: { confirmed: 'Påmeldt', waitlisted: 'På venteliste', cancelled: 'Avmeldt' },
      statusLabel: 'Status',
      name: 'Navn',
      email: 'E-post',
      organisation: 'Kommune eller organisasjon',
      accessibility: 'Behov for tilrettelegging',
      registeredAt: 'Påmeldt',
      none: 'Ikke oppgitt',
      join: 'Gå til webinaret',
      joinLater: 'Webinarsiden teller ned til starten, og du kommer inn når det er i gang.',
      cancelHeading: 'Meld deg av',
      cancelText: 'Kan du ikke delta? Meld deg av, så får en annen plassen din.',
      cancel: 'Meld meg av',
      cancelling: 'Melder deg av …',
      cancelled: 'Du er meldt av.',
      deleteHeading: 'Slett opplysningene dine',
      deleteText: 'Sletter påmeldingen og alt vi har lagret om deg. Lenken slutter da å virke.',
      deleteConfirm: 'Jeg forstår at påmeldingen og opplysningene slettes for godt.',
      delete: 'Slett opplysningene mine',
      deleting: 'Sletter …',
      deleted: 'Opplysningene dine er slettet.',
      privacyLink: 'Personvern for arrangementet',
    },
  },
  nn: {
    event: {
      loading: 'Hentar arrangementet …',
      notFound: 'Vi finn ikkje dette arrangementet.',
      time: 'Tid',
      place: 'Stad',
      modes: { online: 'På nett', onsite: 'Fysisk oppmøte', hybrid: 'Fysisk oppmøte og på nett' },
      organiser: 'Arrangør',
      contact: 'Kontaktperson',
      seats: 'Plassar',
      seatsLeft: (n) => (n === 1 ? '1 ledig plass' : `${n} ledige plassar`),
      unlimited: 'Inga avgrensing',
      deadline: 'Påmeldingsfrist',
      recorded: 'Webinaret blir teke opp. Opptaket kan bli publisert i etterkant.',
      cancelled: 'Dette arrangementet er avlyst.',
      about: 'Om arrangementet',
      backToEvents: 'Alle arrangement',
      openEvent: (title) => `Les meir og meld deg på: ${title}`,
    },
    state: {
      open: 'Påmeldinga er open.',
      waitlist: 'Alle plassane er tekne. Meld deg på venteliste, så får du e-post om ein plass blir ledig.',
      full: 'Alle plassane er tekne, og det er inga venteliste.',
      notYetOpen: (date) => `Påmeldinga opnar ${date}.`,
      closed: 'Påmeldinga er stengd.',
      cancelled: 'Arrangementet er avlyst, så påmeldinga er stengd.',
    },
    form: {
      heading: 'Meld deg på',
      intro: 'Felt merkte «valfritt» kan du la stå tomme.',
      name: 'Namn',
      email: 'E-postadresse',
      emailHint: 'Hit sender vi stadfestinga og den personlege lenkja di.',
      organisation: 'Kommune eller organisasjon',
      organisationHint: 'Til dømes Sømna kommune.',
      accessibility: 'Behov for tilrettelegging',
      accessibilityHint: 'Til dømes teksting, teiknspråktolk eller tilgjengeleg inngang.',
      optional: 'valfritt',
      consent:
        'Eg har lese personvernerklæringa og samtykkjer til at opplysningane blir brukte til påmeldinga.',
      consentPrivacyLink: 'Les personvernerklæringa for arrangementet',
      honeypot: 'Ikkje fyll ut dette feltet',
      submit: 'Meld meg på',
      submitting: 'Sender påmeldinga …',
      errorTitle: 'Påmeldinga vart ikkje send',
      errorIntro: 'Rett opp dette og prøv igjen:',
      errors: {
        required: 'Fyll ut feltet.',
        email: 'Skriv ei gyldig e-postadresse, til dømes namn@kommune.no.',
        tooLong: 'Teksten er for lang.',
        consent: 'Du må samtykkje for å melde deg på.',
        generic: 'Verdien er ikkje gyldig.',
        rateLimited: 'Det er sendt for mange påmeldingar frå dette nettverket. Vent litt og prøv igjen.',
      },
    },
    success: {
      confirmedHeading: 'Du er påmeld',
      waitlistedHeading: 'Du står på venteliste',
      alreadyHeading: 'Du var allereie påmeld',
      confirmedText: 'Takk! Plassen din er stadfesta.',
      waitlistedText: 'Alle plassane er tekne. Du får e-post om ein plass blir ledig.',
      alreadyText: 'Denne e-postadressa er allereie påmeld. Vi har sendt deg lenkja di på nytt.',
      nextSteps: 'Dette skjer no',
      stepEmail: 'Du får ein e-post med stadfesting og den personlege lenkja di.',
      stepCalendar:
        'E-posten har ein kalenderinvitasjon, og du får påminningar eitt døgn og ein time før start.',
      stepLink:
        'Med den personlege lenkja blir du med i webinaret, og du kan melde deg av eller slette opplysningane dine.',
      openLink: 'Opne den personlege sida di',
    },
    privacy: {
      title: (event) => `Personvern: ${event}`,
      controller: (organisation) =>
        `${organisation} er behandlingsansvarleg for påmeldinga til dette arrangementet.`,
      whatHeading: 'Kva vi lagrar',
      what: [
        'Namn og e-postadresse.',
        'Kommune eller organisasjon og behov for tilrettelegging, om du oppgjev det.',
        'Svar på eventuelle spørsmål frå arrangøren.',
        'Tidspunktet du melde deg på og samtykte.',
        'E-postane vi sender deg om arrangementet.',
        'Spørsmål du stiller i webinaret, og kva spørsmål du røystar på.',
      ],
      whyHeading: 'Kvifor',
      why: 'For å halde av plassen din, sende deg lenkje, kalenderinvitasjon, påminningar og endringar, og for å leggje til rette for deg. Opplysningane blir ikkje brukte til noko anna og blir ikkje delte med andre.',
      recorded:
        'Webinaret blir teke opp. Namnet ditt blir ikkje vist i opptaket med mindre du sjølv tek ordet.',
      howLongHeading: 'Kor lenge',
      howLong: (days) =>
        `Opplysningane blir sletta automatisk ${days} dagar etter at arrangementet er over. Berre talet på påmelde blir att.`,
      questions:
        'Samtidig blir spørsmåla som ikkje vart svarte på i webinaret, sletta, og kven som røysta på kva. Spørsmål som vart svarte på, blir ståande utan namnet ditt, med teksten slik moderatoren sleppte han gjennom, fordi dei vart svarte på offentleg og kan vere kapittel i opptaket. Teksten slik du skreiv han, blir sletta.',
      deleteHeading: 'Sjå og slett opplysningane dine',
      delete:
        'Bruk den personlege lenkja i e-posten du fekk. Der ser du kva vi har lagra, og du kan slette alt med éin knapp.',
      deleteQuestions:
        'Slettar du opplysningane dine, blir òg spørsmåla dine som ikkje er svarte på i webinaret, sletta, og dei forsvinn frå spørsmålslista med ein gong om webinaret er i gang. Spørsmål som er svarte på, blir ståande utan namnet ditt og berre med teksten slik moderatoren sleppte han gjennom.',
      contactHeading: 'Spørsmål',
      backToEvent: 'Tilbake til arrangementet',
    },
    personal: {
      title: 'Påmeldinga di',
      loading: 'Hentar påmeldinga …',
      invalid: 'Denne lenkja er ikkje gyldig, eller opplysningane er sletta.',
      yourRegistration: 'Dette har vi lagra om deg',
      status: { confirmed: 'Påmeld', waitlisted: 'På venteliste', cancelled: 'Avmeld' },
      statusLabel: 'Status',
      name: 'Namn',
      email: 'E-post',
      organisation: 'Kommune eller organisasjon',
      accessibility: 'Behov for tilrettelegging',
      registeredAt: 'Påmeld',
      none: 'Ikkje oppgjeve',
      join: 'Gå til webinaret',
      joinLater: 'Webinarsida tel ned til starten, og du kjem inn når det er i gang.',
      cancelHeading: 'Meld deg av',
      cancelText: 'Kan du ikkje delta? Meld deg av, så får ein annan plassen din.',
      cancel: 'Meld meg av',
      cancelling: 'Melder deg av …',
      cancelled: 'Du er meld av.',
      deleteHeading: 'Slett opplysningane dine',
      deleteText: 'Slettar påmeldinga og alt vi har lagra om deg. Lenkja sluttar då å verke.',
      deleteConfirm: 'Eg forstår at påmeldinga og opplysningane blir sletta for godt.',
      delete: 'Slett opplysningane mine',
      deleting: 'Slettar …',
      deleted: 'Opplysningane dine er sletta.',
      privacyLink: 'Personvern for arrangementet',
    },
  },
  en: {
    event: {
      loading: 'Loading the event …',
      notFound: 'We cannot find this event.',
      time: 'When',
      place: 'Where',
      modes: { online: 'Online', onsite: 'On site', hybrid: 'On site and online' },
      organiser: 'Organiser',
      contact: 'Contact person',
      seats: 'Seats',
      seatsLeft: (n) => (n === 1 ? '1 seat left' : `${n} seats left`),
      unlimited: 'No limit',
      deadline: 'Registration deadline',
      recorded: 'The webinar is recorded. The recording may be published afterwards.',
      cancelled: 'This event has been cancelled.',
      about: 'About the event',
      backToEvents: 'All events',
      openEvent: (title) => `Read more and register: ${title}`,
    },
    state: {
      open: 'Registration is open.',
      waitlist: 'All seats are taken. Join the waiting list and we will e-mail you if a seat frees up.',
      full: 'All seats are taken and there is no waiting list.',
      notYetOpen: (date) => `Registration opens ${date}.`,
      closed: 'Registration has closed.',
      cancelled: 'The event has been cancelled, so registration is closed.',
    },
    form: {
      heading: 'Register',
      intro: 'You may leave fields marked “optional” empty.',
      name: 'Name',
      email: 'E-mail address',
      emailHint: 'We send the confirmation and your personal link here.',
      organisation: 'Municipality or organisation',
      organisationHint: 'For example Sømna kommune.',
      accessibility: 'Accessibility needs',
      accessibilityHint: 'For example captions, a sign-language interpreter or step-free access.',
      optional: 'optional',
      consent: 'I have read the privacy notice and agree that my details are used for this registration.',
      consentPrivacyLink: 'Read the privacy notice for this event',
      honeypot: 'Do not fill in this field',
      submit: 'Register',
      submitting: 'Sending your registration …',
      errorTitle: 'Your registration was not sent',
      errorIntro: 'Please fix the following and try again:',
      errors: {
        required: 'Please fill in this field.',
        email: 'Enter a valid e-mail address, such as name@municipality.no.',
        tooLong: 'The text is too long.',
        consent: 'You must agree to register.',
        generic: 'This value is not valid.',
        rateLimited:
          'Too many registrations have come from this network. Please wait a little and try again.',
      },
    },
    success: {
      confirmedHeading: 'You are registered',
      waitlistedHeading: 'You are on the waiting list',
      alreadyHeading: 'You were already registered',
      confirmedText: 'Thank you! Your seat is confirmed.',
      waitlistedText: 'All seats are taken. We will e-mail you if a seat frees up.',
      alreadyText: 'This e-mail address is already registered. We have sent you your link again.',
      nextSteps: 'What happens next',
      stepEmail: 'You will get an e-mail with the confirmation and your personal link.',
      stepCalendar:
        'The e-mail has a calendar invitation, and reminders come a day and an hour before the start.',
      stepLink: 'Your personal link lets you join the webinar, cancel, or delete your details.',
      openLink: 'Open your personal page',
    },
    privacy: {
      title: (event) => `Privacy: ${event}`,
      controller: (organisation) => `${organisation} is the controller for registrations to this event.`,
      whatHeading: 'What we keep',
      what: [
        'Your name and e-mail address.',
        'Your municipality or organisation and accessibility needs, if you give them.',
        'Answers to any questions from the organiser.',
        'When you registered and gave consent.',
        'The e-mails we send you about the event.',
        'Questions you ask in the webinar, and which questions you vote for.',
      ],
      whyHeading: 'Why',
      why: 'To hold your seat, send you the link, the calendar invitation, reminders and changes, and to meet your accessibility needs. The details are used for nothing else and shared with no one.',
      recorded: 'The webinar is recorded. Your name does not appear in the recording unless you speak.',
      howLongHeading: 'For how long',
      howLong: (days) =>
        `Your details are deleted automatically ${days} days after the event ends. Only the number of registrations remains.`,
      questions:
        'At the same time, the questions that were not answered in the webinar are deleted, and so is who voted for what. Questions that were answered stay, without your name and in the wording the moderator let through, because they were answered in public and may be chapters of the recording. Your own wording is deleted.',
      deleteHeading: 'See and delete your details',
      delete:
        'Use the personal link in the e-mail you received. It shows what we keep, and one button deletes it all.',
      deleteQuestions:
        'When you delete your details, your questions that have not been answered in the webinar are deleted too, and they leave the list of questions at once if the webinar is running. Questions that have been answered stay, without your name and only in the wording the moderator let through.',
      contactHeading: 'Questions',
      backToEvent: 'Back to the event',
    },
    personal: {
      title: 'Your registration',
      loading: 'Loading your registration …',
      invalid: 'This link is not valid, or its details have been deleted.',
      yourRegistration: 'What we keep about you',
      status: { confirmed: 'Registered', waitlisted: 'On the waiting list', cancelled: 'Cancelled' },
      statusLabel: 'Status',
      name: 'Name',
      email: 'E-mail',
      organisation: 'Municipality or organisation',
      accessibility: 'Accessibility needs',
      registeredAt: 'Registered',
      none: 'Not given',
      join: 'Go to the webinar',
      joinLater: 'The webinar page counts down to the start, and lets you in once it is on.',
      cancelHeading: 'Cancel your registration',
      cancelText: 'Cannot attend? Cancel, and someone else gets your seat.',
      cancel: 'Cancel my registration',
      cancelling: 'Cancelling …',
      cancelled: 'Your registration is cancelled.',
      deleteHeading: 'Delete your details',
      deleteText: 'Deletes the registration and everything we keep about you. The link then stops working.',
      deleteConfirm: 'I understand that the registration and my details are deleted for good.',
      delete: 'Delete my details',
      deleting: 'Deleting …',
      deleted: 'Your details have been deleted.',
      privacyLink: 'Privacy for this event',
    },
  },
};
