import type { Locale, TrimProblem } from '@folkemote/domain';

/** The trim editor of one recording (`recordings/trim`). */
export interface TrimMessages {
  /** The link from the recordings page. */
  open: string;
  title: (recording: string) => string;
  back: string;
  intro: string;
  loading: string;
  notEditable: string;
  player: string;
  position: string;
  positionHint: string;
  thumbnail: (time: string) => string;
  stepBackFrame: string;
  stepForwardFrame: string;
  stepBackSecond: string;
  stepForwardSecond: string;
  startLabel: string;
  endLabel: string;
  setStart: string;
  setEnd: string;
  cutFrom: string;
  cutTo: string;
  cutPending: (time: string) => string;
  cutsHeading: string;
  noCuts: string;
  cutFromLabel: (n: number) => string;
  cutToLabel: (n: number) => string;
  removeCut: (n: number) => string;
  cutAdded: (from: string, to: string) => string;
  cutRemoved: (n: number) => string;
  badTime: string;
  timeHint: string;
  result: (kept: string) => string;
  preview: string;
  previewHint: string;
  publish: string;
  publishing: string;
  published: string;
  restore: string;
  restoreHint: string;
  restoring: string;
  working: string;
  done: string;
  versionFailed: string;
  failed: string;
  problem: (p: TrimProblem) => string;
}

export const trimMessages: Record<Locale, TrimMessages> = {
  nb: {
    open: 'Klipp',
    title: (r) => `Klipp opptaket «${r}»`,
    back: 'Tilbake til opptakene',
    intro:
      'Sett start og slutt, og klipp ut deler (en pause, noe som ikke skal ut). Forhåndsvis resultatet før du publiserer. Originalen beholdes, så du kan angre.',
    loading: 'Henter opptaket …',
    notEditable: 'Opptaket kan klippes når det er ferdig behandlet og ikke behandles på nytt.',
    player: 'Opptaket',
    position: 'Posisjon',
    positionHint: 'Piltastene flytter et tidel sekund, Page Up og Page Down ti sekunder.',
    thumbnail: (t) => `Bilde ved ${t}`,
    stepBackFrame: 'Ett bilde tilbake',
    stepForwardFrame: 'Ett bilde fram',
    stepBackSecond: 'Ett sekund tilbake',
    stepForwardSecond: 'Ett sekund fram',
    startLabel: 'Start',
    endLabel: 'Slutt',
    setStart: 'Sett start her',
    setEnd: 'Sett slutt her',
    cutFrom: 'Klipp fra her',
    cutTo: '… til her',
    cutPending: (t) => `Klipper fra ${t}. Gå dit klippet skal slutte, og velg «… til her».`,
    cutsHeading: 'Klipp',
    noCuts: 'Ingen klipp ennå.',
    cutFromLabel: (n) => `Klipp ${n} fra`,
    cutToLabel: (n) => `Klipp ${n} til`,
    removeCut: (n) => `Fjern klipp ${n}`,
    cutAdded: (f, t) => `Klipp fra ${f} til ${t} er lagt til.`,
    cutRemoved: (n) => `Klipp ${n} er fjernet.`,
    badTime: 'Skriv tiden som tt:mm:ss.mmm, innenfor opptaket.',
    timeHint: 'tt:mm:ss.mmm',
    result: (k) => `Resultatet blir ${k} langt.`,
    preview: 'Forhåndsvis uten de klipte delene',
    previewHint: 'Avspilleren hopper over det som klippes bort.',
    publish: 'Publiser den klipte versjonen',
    publishing: 'Sender …',
    published: 'Den klipte versjonen lages nå. Den erstatter den gamle når den er klar.',
    restore: 'Gjenopprett originalen',
    restoreHint: 'Lager en ny versjon av hele opptaket, uten klipp.',
    restoring: 'Originalen gjenopprettes. Den erstatter den klipte versjonen når den er klar.',
    working: 'Den nye versjonen lages …',
    done: 'Den nye versjonen er publisert.',
    versionFailed: 'Den nye versjonen kunne ikke lages. Se årsaken på opptakssiden, der du kan prøve igjen.',
    failed: 'Klippet ble ikke sendt:',
    problem: (p) => {
      switch (p.code) {
        case 'empty_cut':
          return `Klipp ${p.index + 1} slutter før det begynner.`;
        case 'outside_recording':
          return `Klipp ${p.index + 1} går utenfor opptaket.`;
        case 'overlapping_cuts':
          return `Klipp ${p.index + 1} overlapper et annet klipp.`;
        case 'too_little_left':
          return 'Det må være minst ett sekund igjen av opptaket.';
      }
    },
  },
  nn: {
    open: 'Klipp',
    title: (r) => `Klipp opptaket «${r}»`,
    back: 'Tilbake til opptaka',
    intro:
      'Set start og slutt, og klipp ut delar (ein pause, noko som ikkje skal ut). Førehandsvis resultatet før du publiserer. Originalen vert teken vare på, så du kan angre.',
    loading: 'Hentar opptaket …',
    notEditable: 'Opptaket kan klippast når det er ferdig handsama og ikkje vert handsama på nytt.',
    player: 'Opptaket',
    position: 'Posisjon',
    positionHint: 'Piltastane flyttar ein tidels sekund, Page Up og Page Down ti sekund.',
    thumbnail: (t) => `Bilete ved ${t}`,
    stepBackFrame: 'Eitt bilete tilbake',
    stepForwardFrame: 'Eitt bilete fram',
    stepBackSecond: 'Eitt sekund tilbake',
    stepForwardSecond: 'Eitt sekund fram',
    startLabel: 'Start',
    endLabel: 'Slutt',
    setStart: 'Set start her',
    setEnd: 'Set slutt her',
    cutFrom: 'Klipp frå her',
    cutTo: '… til her',
    cutPending: (t) => `Klipper frå ${t}. Gå dit klippet skal slutte, og vel «… til her».`,
    cutsHeading: 'Klipp',
    noCuts: 'Ingen klipp enno.',
    cutFromLabel: (n) => `Klipp ${n} frå`,
    cutToLabel: (n) => `Klipp ${n} til`,
    removeCut: (n) => `Fjern klipp ${n}`,
    cutAdded: (f, t) => `Klipp frå ${f} til ${t} er lagt til.`,
    cutRemoved: (n) => `Klipp ${n} er fjerna.`,
    badTime: 'Skriv tida som tt:mm:ss.mmm, innanfor opptaket.',
    timeHint: 'tt:mm:ss.mmm',
    result: (k) => `Resultatet vert ${k} langt.`,
    preview: 'Førehandsvis utan dei klipte delane',
    previewHint: 'Avspelaren hoppar over det som vert klipt bort.',
    publish: 'Publiser den klipte versjonen',
    publishing: 'Sender …',
    published: 'Den klipte versjonen vert laga no. Han erstattar den gamle når han er klar.',
    restore: 'Gjenopprett originalen',
    restoreHint: 'Lagar ein ny versjon av heile opptaket, utan klipp.',
    restoring: 'Originalen vert gjenoppretta. Han erstattar den klipte versjonen når han er klar.',
    working: 'Den nye versjonen vert laga …',
    done: 'Den nye versjonen er publisert.',
    versionFailed: 'Den nye versjonen kunne ikkje lagast. Sjå årsaka på opptakssida, der du kan prøve igjen.',
    failed: 'Klippet vart ikkje sendt:',
    problem: (p) => {
      switch (p.code) {
        case 'empty_cut':
          return `Klipp ${p.index + 1} sluttar før det byrjar.`;
        case 'outside_recording':
          return `Klipp ${p.index + 1} går utanfor opptaket.`;
        case 'overlapping_cuts':
          return `Klipp ${p.index + 1} overlappar eit anna klipp.`;
        case 'too_little_left':
          return 'Det må vere minst eitt sekund att av opptaket.';
      }
    },
  },
  en: {
    open: 'Trim',
    title: (r) => `Trim the recording “${r}”`,
    back: 'Back to the recordings',
    intro:
      'Set the start and the end, and cut out sections (a break, something that must not go public). Preview the result before publishing it. The original is kept, so you can undo.',
    loading: 'Loading the recording …',
    notEditable:
      'The recording can be trimmed once it is processed and while it is not being processed again.',
    player: 'The recording',
    position: 'Position',
    positionHint: 'The arrow keys move a tenth of a second, Page Up and Page Down ten seconds.',
    thumbnail: (t) => `Picture at ${t}`,
    stepBackFrame: 'One frame back',
    stepForwardFrame: 'One frame forward',
    stepBackSecond: 'One second back',
    stepForwardSecond: 'One second forward',
    startLabel: 'Start',
    endLabel: 'End',
    setStart: 'Set start here',
    setEnd: 'Set end here',
    cutFrom: 'Cut from here',
    cutTo: '… to here',
    cutPending: (t) => `Cutting from ${t}. Go to where the cut should end and choose “… to here”.`,
    cutsHeading: 'Cuts',
    noCuts: 'No cuts yet.',
    cutFromLabel: (n) => `Cut ${n} from`,
    cutToLabel: (n) => `Cut ${n} to`,
    removeCut: (n) => `Remove cut ${n}`,
    cutAdded: (f, t) => `Cut from ${f} to ${t} added.`,
    cutRemoved: (n) => `Cut ${n} removed.`,
    badTime: 'Write the time as hh:mm:ss.mmm, within the recording.',
    timeHint: 'hh:mm:ss.mmm',
    result: (k) => `The result will be ${k} long.`,
    preview: 'Preview without the cut sections',
    previewHint: 'The player skips what is cut out.',
    publish: 'Publish trimmed version',
    publishing: 'Sending …',
    published: 'The trimmed version is being made. It replaces the old one when it is ready.',
    restore: 'Restore the original',
    restoreHint: 'Makes a new version of the whole recording, without cuts.',
    restoring: 'The original is being restored. It replaces the trimmed version when it is ready.',
    working: 'The new version is being made …',
    done: 'The new version is published.',
    versionFailed: 'The new version could not be made. The recordings page says why, and lets you retry.',
    failed: 'The trim was not sent:',
    problem: (p) => {
      switch (p.code) {
        case 'empty_cut':
          return `Cut ${p.index + 1} ends before it starts.`;
        case 'outside_recording':
          return `Cut ${p.index + 1} reaches outside the recording.`;
        case 'overlapping_cuts':
          return `Cut ${p.index + 1} overlaps another cut.`;
        case 'too_little_left':
          return 'At least one second of the recording must be left.';
      }
    },
  },
};
