import type { Locale, RecordingPublication } from '@folkemote/domain';

/** The organiser's review of one recording: what is public, publish, unpublish, rename, delete, preview. */
export interface ReviewMessages {
  heading: (title: string) => string;
  back: string;
  manage: string;
  statusLabel: string;
  ruleLabel: string;
  notFound: string;
  publication: Record<RecordingPublication, string>;
  /** Which rule is in force for the recording's event. */
  ruleHeld: string;
  ruleAuto: string;
  ruleNoEvent: string;
  notProcessed: string;
  preview: string;
  previewLabel: (title: string) => string;
  previewUnavailable: string;
  publish: string;
  publishing: string;
  published: string;
  unpublish: string;
  unpublishing: string;
  unpublished: string;
  unpublishTitle: string;
  unpublishText: string;
  rename: string;
  renameLabel: string;
  renaming: string;
  renamed: (title: string) => string;
  titleEmpty: string;
  titleTooLong: string;
  delete: string;
  deleting: string;
  deleteTitle: (title: string) => string;
  deleteText: string;
  deleteConfirm: string;
  keep: string;
  deleted: (title: string) => string;
  failed: string;
  autoPublish: string;
  autoPublishHint: string;
  autoPublishSaved: (on: boolean) => string;
  chapters: string;
  chaptersHint: string;
  chaptersFromQuestions: string;
  chapterTime: (n: number) => string;
  chapterTitle: (n: number) => string;
  chapterTimeHint: string;
  addChapter: string;
  removeChapter: (n: number) => string;
  saveChapters: string;
  savingChapters: string;
  chaptersSaved: string;
  badTime: string;
  emptyTitle: string;
  noChapters: string;
}

export const reviewMessages: Record<Locale, ReviewMessages> = {
  nb: {
    heading: (t) => `Publisering av «${t}»`,
    back: 'Tilbake til opptakene',
    manage: 'Forhåndsvis og publiser',
    statusLabel: 'Status',
    ruleLabel: 'Regel for arrangementet',
    notFound: 'Fant ikke opptaket. Det kan være slettet.',
    publication: { held: 'Ikke publisert', public: 'Publisert', unpublished: 'Avpublisert' },
    ruleHeld: 'Holdes for gjennomgang – publiseres når en arrangør godkjenner',
    ruleAuto: 'Publiseres automatisk',
    ruleNoEvent: 'Holdes for gjennomgang – publiseres når en arrangør godkjenner',
    notProcessed: 'Opptaket kan forhåndsvises og publiseres når det er ferdig behandlet.',
    preview: 'Forhåndsvis',
    previewLabel: (t) => `Forhåndsvisning av «${t}»`,
    previewUnavailable: 'Forhåndsvisningen kan ikke spilles av i denne nettleseren.',
    publish: 'Publiser',
    publishing: 'Publiserer …',
    published: 'Opptaket er publisert. Avspillingssiden og arkivet viser det om litt.',
    unpublish: 'Avpubliser',
    unpublishing: 'Avpubliserer …',
    unpublished: 'Opptaket er tatt av det offentlige nettstedet. Det kan publiseres igjen.',
    unpublishTitle: 'Avpublisere opptaket?',
    unpublishText:
      'Avspillingssiden, innbyggingen og oppføringen i arkivet og strømmene forsvinner. Opptaket beholdes, så du kan publisere det igjen.',
    rename: 'Gi nytt navn',
    renameLabel: 'Tittel',
    renaming: 'Lagrer …',
    renamed: (t) => `Opptaket heter nå «${t}».`,
    titleEmpty: 'Skriv en tittel.',
    titleTooLong: 'Tittelen kan ha høyst 200 tegn.',
    delete: 'Slett',
    deleting: 'Sletter …',
    deleteTitle: (t) => `Slette «${t}» for godt?`,
    deleteText:
      'Kildefilen, alle versjoner, teksting og kapitler slettes, også fra det offentlige nettstedet. Det kan ikke angres.',
    deleteConfirm: 'Slett for godt',
    keep: 'Behold',
    deleted: (t) => `«${t}» er slettet.`,
    failed: 'Det gikk ikke:',
    autoPublish: 'Publiser opptak automatisk',
    autoPublishHint:
      'Ellers holdes opptak fra arrangementet for gjennomgang til en arrangør publiserer dem på opptakssiden.',
    autoPublishSaved: (on) => (on ? 'Opptak publiseres automatisk.' : 'Opptak holdes for gjennomgang.'),
    chapters: 'Kapitler',
    chaptersHint:
      'Kapitler du lager selv, vises på avspillingssiden sammen med kapitlene fra spørsmålene som ble besvart.',
    chaptersFromQuestions: 'Kapitler fra spørsmålene',
    chapterTime: (n) => `Start for kapittel ${n}`,
    chapterTitle: (n) => `Tittel for kapittel ${n}`,
    chapterTimeHint: 'Minutter og sekunder, for eksempel 12:30.',
    addChapter: 'Legg til kapittel',
    removeChapter: (n) => `Fjern kapittel ${n}`,
    saveChapters: 'Lagre kapitlene',
    savingChapters: 'Lagrer …',
    chaptersSaved: 'Kapitlene er lagret.',
    badTime: 'Skriv tiden som minutter:sekunder, for eksempel 12:30.',
    emptyTitle: 'Skriv en tittel.',
    noChapters: 'Ingen kapitler ennå.',
  },
  nn: {
    heading: (t) => `Publisering av «${t}»`,
    back: 'Tilbake til opptaka',
    manage: 'Førehandsvis og publiser',
    statusLabel: 'Status',
    ruleLabel: 'Regel for arrangementet',
    notFound: 'Fann ikkje opptaket. Det kan vere sletta.',
    publication: { held: 'Ikkje publisert', public: 'Publisert', unpublished: 'Avpublisert' },
    ruleHeld: 'Haldast att for gjennomgang – blir publisert når ein arrangør godkjenner',
    ruleAuto: 'Blir publisert automatisk',
    ruleNoEvent: 'Haldast att for gjennomgang – blir publisert når ein arrangør godkjenner',
    notProcessed: 'Opptaket kan førehandsvisast og publiserast når det er ferdig handsama.',
    preview: 'Førehandsvis',
    previewLabel: (t) => `Førehandsvising av «${t}»`,
    previewUnavailable: 'Førehandsvisinga kan ikkje spelast av i denne nettlesaren.',
    publish: 'Publiser',
    publishing: 'Publiserer …',
    published: 'Opptaket er publisert. Avspelingssida og arkivet viser det om litt.',
    unpublish: 'Avpubliser',
    unpublishing: 'Avpubliserer …',
    unpublished: 'Opptaket er teke av den offentlege nettstaden. Det kan publiserast igjen.',
    unpublishTitle: 'Avpublisere opptaket?',
    unpublishText:
      'Avspelingssida, innbygginga og oppføringa i arkivet og straumane forsvinn. Opptaket blir teke vare på, så du kan publisere det igjen.',
    rename: 'Gi nytt namn',
    renameLabel: 'Tittel',
    renaming: 'Lagrar …',
    renamed: (t) => `Opptaket heiter no «${t}».`,
    titleEmpty: 'Skriv ein tittel.',
    titleTooLong: 'Tittelen kan ha høgst 200 teikn.',
    delete: 'Slett',
    deleting: 'Slettar …',
    deleteTitle: (t) => `Slette «${t}» for godt?`,
    deleteText:
      'Kjeldefila, alle versjonar, teksting og kapittel blir sletta, også frå den offentlege nettstaden. Det kan ikkje angrast.',
    deleteConfirm: 'Slett for godt',
    keep: 'Behald',
    deleted: (t) => `«${t}» er sletta.`,
    failed: 'Det gjekk ikkje:',
    autoPublish: 'Publiser opptak automatisk',
    autoPublishHint:
      'Elles blir opptak frå arrangementet haldne att for gjennomgang til ein arrangør publiserer dei på opptakssida.',
    autoPublishSaved: (on) =>
      on ? 'Opptak blir publiserte automatisk.' : 'Opptak blir haldne att for gjennomgang.',
    chapters: 'Kapittel',
    chaptersHint:
      'Kapittel du lagar sjølv, blir viste på avspelingssida saman med kapitla frå spørsmåla som vart svara på.',
    chaptersFromQuestions: 'Kapittel frå spørsmåla',
    chapterTime: (n) => `Start for kapittel ${n}`,
    chapterTitle: (n) => `Tittel for kapittel ${n}`,
    chapterTimeHint: 'Minutt og sekund, til dømes 12:30.',
    addChapter: 'Legg til kapittel',
    removeChapter: (n) => `Fjern kapittel ${n}`,
    saveChapters: 'Lagre kapitla',
    savingChapters: 'Lagrar …',
    chaptersSaved: 'Kapitla er lagra.',
    badTime: 'Skriv tida som minutt:sekund, til dømes 12:30.',
    emptyTitle: 'Skriv ein tittel.',
    noChapters: 'Ingen kapittel enno.',
  },
  en: {
    heading: (t) => `Publishing “${t}”`,
    back: 'Back to the recordings',
    manage: 'Preview and publish',
    statusLabel: 'Status',
    ruleLabel: 'Rule for the event',
    notFound: 'The recording was not found. It may have been deleted.',
    publication: { held: 'Not published', public: 'Published', unpublished: 'Unpublished' },
    ruleHeld: 'Held for review – published when an organiser approves it',
    ruleAuto: 'Published automatically',
    ruleNoEvent: 'Held for review – published when an organiser approves it',
    notProcessed: 'The recording can be previewed and published once it is processed.',
    preview: 'Preview',
    previewLabel: (t) => `Preview of “${t}”`,
    previewUnavailable: 'This browser cannot play the preview.',
    publish: 'Publish',
    publishing: 'Publishing …',
    published: 'The recording is published. The replay page and the archive show it shortly.',
    unpublish: 'Unpublish',
    unpublishing: 'Unpublishing …',
    unpublished: 'The recording is off the public site. It can be published again.',
    unpublishTitle: 'Unpublish the recording?',
    unpublishText:
      'The replay page, the embed and its entries in the archive and the feeds go. The recording is kept, so you can publish it again.',
    rename: 'Rename',
    renameLabel: 'Title',
    renaming: 'Saving …',
    renamed: (t) => `The recording is now called “${t}”.`,
    titleEmpty: 'Enter a title.',
    titleTooLong: 'The title can be at most 200 characters.',
    delete: 'Delete',
    deleting: 'Deleting …',
    deleteTitle: (t) => `Delete “${t}” for good?`,
    deleteText:
      'The source file, every version, captions and chapters are deleted, from the public site too. This cannot be undone.',
    deleteConfirm: 'Delete for good',
    keep: 'Keep',
    deleted: (t) => `“${t}” is deleted.`,
    failed: 'That did not work:',
    autoPublish: 'Publish recordings automatically',
    autoPublishHint:
      'Otherwise the event’s recordings are held for review until an organiser publishes them on the recordings page.',
    autoPublishSaved: (on) =>
      on ? 'Recordings are published automatically.' : 'Recordings are held for review.',
    chapters: 'Chapters',
    chaptersHint:
      'Chapters you make are shown on the replay page together with those from the answered questions.',
    chaptersFromQuestions: 'Chapters from the questions',
    chapterTime: (n) => `Start of chapter ${n}`,
    chapterTitle: (n) => `Title of chapter ${n}`,
    chapterTimeHint: 'Minutes and seconds, for example 12:30.',
    addChapter: 'Add a chapter',
    removeChapter: (n) => `Remove chapter ${n}`,
    saveChapters: 'Save the chapters',
    savingChapters: 'Saving …',
    chaptersSaved: 'The chapters are saved.',
    badTime: 'Write the time as minutes:seconds, for example 12:30.',
    emptyTitle: 'Enter a title.',
    noChapters: 'No chapters yet.',
  },
};
