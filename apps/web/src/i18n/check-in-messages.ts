import type { Locale } from '@folkemote/domain';

/** The check-in list at the door of an on-site or hybrid event. */
export interface CheckInMessages {
  title: (event: string) => string;
  intro: string;
  link: string;
  search: string;
  searchHint: string;
  print: string;
  counts: (arrived: number, confirmed: number) => string;
  caption: string;
  arrived: (name: string) => string;
  arrivedAt: (time: string) => string;
  none: string;
  noMatch: string;
  saveFailed: string;
  backToRegistrations: string;
}

export const checkInMessages: Record<Locale, CheckInMessages> = {
  nb: {
    title: (event) => `Innsjekking: ${event}`,
    intro:
      'Kryss av for dem som møter opp. Listen kan skrives ut, og den kan krysses av på mobilen ved døra.',
    link: 'Innsjekking ved døra',
    search: 'Søk etter navn',
    searchHint: 'Listen viser bare dem med plass.',
    print: 'Skriv ut listen',
    counts: (arrived, confirmed) => `${arrived} av ${confirmed} har møtt`,
    caption: 'Påmeldte med plass',
    arrived: (name) => `${name} har møtt`,
    arrivedAt: (time) => `kl. ${time}`,
    none: 'Ingen har plass ennå.',
    noMatch: 'Ingen navn passer søket.',
    saveFailed: 'Avkrysningen ble ikke lagret. Prøv igjen.',
    backToRegistrations: 'Tilbake til påmeldingene',
  },
  nn: {
    title: (event) => `Innsjekking: ${event}`,
    intro:
      'Kryss av for dei som møter opp. Lista kan skrivast ut, og ho kan kryssast av på mobilen ved døra.',
    link: 'Innsjekking ved døra',
    search: 'Søk etter namn',
    searchHint: 'Lista viser berre dei med plass.',
    print: 'Skriv ut lista',
    counts: (arrived, confirmed) => `${arrived} av ${confirmed} har møtt`,
    caption: 'Påmelde med plass',
    arrived: (name) => `${name} har møtt`,
    arrivedAt: (time) => `kl. ${time}`,
    none: 'Ingen har plass enno.',
    noMatch: 'Ingen namn passar søket.',
    saveFailed: 'Avkryssinga vart ikkje lagra. Prøv igjen.',
    backToRegistrations: 'Tilbake til påmeldingane',
  },
  en: {
    title: (event) => `Check-in: ${event}`,
    intro: 'Tick off those who arrive. The list can be printed, and ticked on a phone at the door.',
    link: 'Check-in at the door',
    search: 'Search by name',
    searchHint: 'The list shows only those with a seat.',
    print: 'Print the list',
    counts: (arrived, confirmed) => `${arrived} of ${confirmed} have arrived`,
    caption: 'Registered with a seat',
    arrived: (name) => `${name} has arrived`,
    arrivedAt: (time) => `at ${time}`,
    none: 'Nobody has a seat yet.',
    noMatch: 'No name matches the search.',
    saveFailed: 'The tick was not saved. Try again.',
    backToRegistrations: 'Back to the registrations',
  },
};
