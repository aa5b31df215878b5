import type { Locale } from '@folkemote/domain';

/** What a citizen reads around an event's registration: when it is over, calendar and map, cancelling, hybrid. */
export interface CitizenMessages {
  over: string;
  overPersonal: string;
  watchReplay: string;
  replayComing: string;
  deadlinePassed: (date: string) => string;
  addToCalendar: string;
  addToCalendarHint: string;
  showOnMap: string;
  cancelDialog: { title: string; text: string; confirm: string; keep: string };
  registerAgain: string;
  registerAgainText: string;
  /** The consent checkbox as the error summary names it: a few words, not the whole sentence. */
  consentShort: string;
  roomCapacity: string;
  roomCapacityHint: string;
  roomSeatsLeft: (n: number) => string;
  roomFull: string;
  roomSeats: string;
  attendance: {
    legend: string;
    inPerson: string;
    online: string;
    label: string;
    required: string;
    counts: string;
  };
}

export const citizenMessages: Record<Locale, CitizenMessages> = {
  nb: {
    over: 'Arrangementet er over, og påmeldingen er stengt.',
    overPersonal: 'Webinaret er over.',
    watchReplay: 'Se opptaket',
    replayComing: 'Opptaket lenkes hit når det er publisert.',
    deadlinePassed: (date) => `Påmeldingsfristen gikk ut ${date}.`,
    addToCalendar: 'Legg til i kalenderen',
    addToCalendarHint: 'Laster ned en kalenderfil (.ics).',
    showOnMap: 'Vis adressen på kart (OpenStreetMap)',
    cancelDialog: {
      title: 'Vil du melde deg av?',
      text: 'Plassen din går til den første på ventelisten, eller blir ledig for andre.',
      confirm: 'Ja, meld meg av',
      keep: 'Nei, behold plassen',
    },
    registerAgain: 'Meld deg på igjen',
    registerAgainText: 'Ombestemt deg? Du kan melde deg på igjen så lenge påmeldingen er åpen.',
    consentShort: 'Samtykke',
    roomCapacity: 'Plasser i salen',
    roomCapacityHint: 'Gjelder bare dem som kommer på stedet. Tomt felt: ingen grense.',
    roomSeatsLeft: (n) => (n === 1 ? '1 ledig plass' : `${n} ledige plasser`),
    roomFull: 'Salen er full. Du kan fortsatt melde deg på for å følge med på nett.',
    roomSeats: 'Plasser i salen',
    attendance: {
      legend: 'Hvordan deltar du?',
      inPerson: 'Jeg kommer på stedet',
      online: 'Jeg følger med på nett',
      label: 'Deltar',
      required: 'Velg om du kommer på stedet eller følger med på nett.',
      counts: 'Påmeldte etter hvordan de deltar',
    },
  },
  nn: {
    over: 'Arrangementet er over, og påmeldinga er stengd.',
    overPersonal: 'Webinaret er over.',
    watchReplay: 'Sjå opptaket',
    replayComing: 'Opptaket blir lenkja hit når det er publisert.',
    deadlinePassed: (date) => `Påmeldingsfristen gjekk ut ${date}.`,
    addToCalendar: 'Legg til i kalenderen',
    addToCalendarHint: 'Lastar ned ei kalenderfil (.ics).',
    showOnMap: 'Vis adressa på kart (OpenStreetMap)',
    cancelDialog: {
      title: 'Vil du melde deg av?',
      text: 'Plassen din går til den første på ventelista, eller blir ledig for andre.',
      confirm: 'Ja, meld meg av',
      keep: 'Nei, behald plassen',
    },
    registerAgain: 'Meld deg på att',
    registerAgainText: 'Ombestemt deg? Du kan melde deg på att så lenge påmeldinga er open.',
    consentShort: 'Samtykke',
    roomCapacity: 'Plassar i salen',
    roomCapacityHint: 'Gjeld berre dei som kjem på staden. Tomt felt: inga grense.',
    roomSeatsLeft: (n) => (n === 1 ? '1 ledig plass' : `${n} ledige plassar`),
    roomFull: 'Salen er full. Du kan framleis melde deg på for å følgje med på nett.',
    roomSeats: 'Plassar i salen',
    attendance: {
      legend: 'Korleis deltek du?',
      inPerson: 'Eg kjem på staden',
      online: 'Eg følgjer med på nett',
      label: 'Deltek',
      required: 'Vel om du kjem på staden eller følgjer med på nett.',
      counts: 'Påmelde etter korleis dei deltek',
    },
  },
  en: {
    over: 'This event has taken place, and registration is closed.',
    overPersonal: 'The webinar is over.',
    watchReplay: 'Watch the recording',
    replayComing: 'The recording will be linked here once it is published.',
    deadlinePassed: (date) => `The registration deadline passed on ${date}.`,
    addToCalendar: 'Add to calendar',
    addToCalendarHint: 'Downloads a calendar file (.ics).',
    showOnMap: 'Show the address on a map (OpenStreetMap)',
    cancelDialog: {
      title: 'Cancel your registration?',
      text: 'Your seat goes to the first on the waiting list, or becomes free for others.',
      confirm: 'Yes, cancel',
      keep: 'No, keep my seat',
    },
    registerAgain: 'Register again',
    registerAgainText: 'Changed your mind? You can register again while registration is open.',
    consentShort: 'Consent',
    roomCapacity: 'Seats in the room',
    roomCapacityHint: 'Counts only those who come in person. Leave empty for no limit.',
    roomSeatsLeft: (n) => (n === 1 ? '1 seat left' : `${n} seats left`),
    roomFull: 'The room is full. You can still register to join online.',
    roomSeats: 'Seats in the room',
    attendance: {
      legend: 'How will you take part?',
      inPerson: 'In person',
      online: 'Online',
      label: 'Taking part',
      required: 'Choose whether you come in person or join online.',
      counts: 'Registrations by how they take part',
    },
  },
};
