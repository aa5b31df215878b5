import type { Locale } from '@folkemote/domain';

/** Every text the public site shows. Placeholders are written `{name}`. */
export type MessageKey =
  | 'siteName'
  | 'languageName'
  | 'languageNav'
  | 'skipToContent'
  | 'archiveTitle'
  | 'archiveIntro'
  | 'archiveEmpty'
  | 'archiveCount_one'
  | 'archiveCount_other'
  | 'backToArchive'
  | 'duration'
  | 'published'
  | 'recorded'
  | 'eventHeading'
  | 'recordingHeading'
  | 'eventTime'
  | 'organiser'
  | 'contactHeading'
  | 'email'
  | 'phone'
  | 'downloadVideo'
  | 'downloadAudio'
  | 'downloadHint'
  | 'downloadPending'
  | 'captionsAvailable'
  | 'audioDescriptionSaidAloud'
  | 'audioDescriptionTrack'
  | 'chaptersHeading'
  | 'chaptersIntro'
  | 'chaptersHeadingAll'
  | 'chaptersIntroAll'
  | 'seekLabel'
  | 'seekValueText'
  | 'playLabel'
  | 'pauseLabel'
  | 'muteLabel'
  | 'captionsLabel'
  | 'fullscreenLabel'
  | 'exitFullscreenLabel'
  | 'embedHeading'
  | 'embedIntro'
  | 'embedLabel'
  | 'copy'
  | 'copied'
  | 'copyFailed'
  | 'playerUnsupported'
  | 'playerUnsupportedNoDownload'
  | 'playerError'
  | 'playerErrorNoDownload'
  | 'noScript'
  | 'noScriptNoDownload'
  | 'audioOnly'
  | 'playerTitle'
  | 'posterAlt'
  | 'descriptionFallback'
  | 'watchOnSite'
  | 'subscribe'
  | 'rssFeed'
  | 'jsonFeed'
  | 'privacyNote'
  | 'hours_one'
  | 'hours_other'
  | 'minutes_one'
  | 'minutes_other'
  | 'seconds_one'
  | 'seconds_other'
  | 'transcriptHeading'
  | 'transcriptIntro'
  | 'searchLink'
  | 'searchTitle'
  | 'searchIntro'
  | 'searchLabel'
  | 'searchHint'
  | 'searchButton'
  | 'searchNoScript'
  | 'searchLoading'
  | 'searchFailed'
  | 'searchEmptyQuery'
  | 'searchNone'
  | 'searchCount_one'
  | 'searchCount_other'
  | 'searchMoments_one'
  | 'searchMoments_other'
  | 'searchKindTitle'
  | 'searchKindDescription'
  | 'searchKindChapter'
  | 'searchKindTranscript'
  | 'searchResultsHeading'
  | 'listenOnlyLabel'
  | 'listenOnlyOn'
  | 'listenOnlyOff';

export type Messages = Record<MessageKey, string>;

const nb: Messages = {
  siteName: 'Folkemøte',
  languageName: 'Bokmål',
  languageNav: 'Språk',
  skipToContent: 'Hopp til hovedinnholdet',
  archiveTitle: 'Opptak',
  archiveIntro: 'Se opptak av webinarer og folkemøter når det passer deg.',
  archiveEmpty: 'Ingen opptak er publisert ennå.',
  archiveCount_one: '{count} opptak',
  archiveCount_other: '{count} opptak',
  backToArchive: 'Alle opptak',
  duration: 'Varighet',
  published: 'Publisert',
  recorded: 'Holdt',
  eventHeading: 'Om arrangementet',
  recordingHeading: 'Om opptaket',
  eventTime: 'Tidspunkt',
  organiser: 'Arrangør',
  contactHeading: 'Kontaktperson',
  email: 'E-post',
  phone: 'Telefon',
  downloadVideo: 'Last ned video',
  downloadAudio: 'Last ned lyd',
  downloadHint: '{format}, {size}',
  downloadPending: 'Opptaket kan lastes ned snart, når versjonen i full kvalitet er klar.',
  captionsAvailable: 'Teksting: {languages}',
  audioDescriptionSaidAloud:
    'Synstolking: alt som vises i opptaket, blir også sagt høyt, så det trengs ikke eget synstolkingsspor.',
  audioDescriptionTrack: 'Synstolking: tekstspor med beskrivelser ({languages}) kan velges i avspilleren.',
  chaptersHeading: 'Spørsmål i opptaket',
  chaptersIntro: 'Velg et spørsmål for å spille av fra der det ble besvart.',
  chaptersHeadingAll: 'Kapitler',
  chaptersIntroAll: 'Velg et kapittel for å spille av fra der det begynner.',
  seekLabel: 'Tidslinje',
  seekValueText: '{time} av {duration}',
  playLabel: 'Spill av',
  pauseLabel: 'Pause',
  muteLabel: 'Demp lyden',
  captionsLabel: 'Teksting',
  fullscreenLabel: 'Fullskjerm',
  exitFullscreenLabel: 'Avslutt fullskjerm',
  embedHeading: 'Bygg inn på en nettside',
  embedIntro: 'Lim inn koden på nettsiden der avspilleren skal vises.',
  embedLabel: 'HTML-kode for avspilleren',
  copy: 'Kopier koden',
  copied: 'Koden er kopiert.',
  copyFailed: 'Kunne ikke kopiere. Merk koden og kopier den selv.',
  playerUnsupported: 'Nettleseren din kan ikke spille av dette opptaket. Du kan laste det ned i stedet.',
  playerUnsupportedNoDownload: 'Nettleseren din kan ikke spille av dette opptaket.',
  playerError: 'Avspillingen stoppet på grunn av en feil. Last inn siden på nytt, eller last ned opptaket.',
  playerErrorNoDownload: 'Avspillingen stoppet på grunn av en feil. Last inn siden på nytt.',
  noScript: 'Avspilleren trenger JavaScript. Du kan laste ned opptaket i stedet.',
  noScriptNoDownload: 'Avspilleren trenger JavaScript.',
  audioOnly: 'Lydopptak',
  playerTitle: 'Videoavspiller: {title}',
  posterAlt: 'Stillbilde fra opptaket «{title}»',
  descriptionFallback: 'Opptak av «{title}».',
  watchOnSite: 'Se opptaket på {site}',
  subscribe: 'Abonner på nye opptak',
  rssFeed: 'RSS-strøm',
  jsonFeed: 'JSON Feed',
  privacyNote: 'Denne siden bruker ikke informasjonskapsler og henter ikke innhold fra tredjeparter.',
  hours_one: '{count} time',
  hours_other: '{count} timer',
  minutes_one: '{count} minutt',
  minutes_other: '{count} minutter',
  seconds_one: '{count} sekund',
  seconds_other: '{count} sekunder',
  transcriptHeading: 'Transkripsjon',
  transcriptIntro: 'Alt som blir sagt i opptaket, som tekst. Velg en linje for å spille av derfra.',
  searchLink: 'Søk i opptakene',
  searchTitle: 'Søk i opptak',
  searchIntro:
    'Søk etter ord i titler, beskrivelser, kapitler og transkripsjoner. Hvert treff spiller av fra der ordet står eller blir sagt.',
  searchLabel: 'Søkeord',
  searchHint:
    'Ord som begynner slik, teller også: «kommun» finner «kommunene». Flere ord må alle finnes i opptaket.',
  searchButton: 'Søk',
  searchNoScript: 'Søket trenger JavaScript.',
  searchLoading: 'Henter søkeregisteret …',
  searchFailed: 'Søket kunne ikke lastes. Last inn siden på nytt.',
  searchEmptyQuery: 'Skriv ett eller flere ord.',
  searchNone: 'Ingen opptak passer til «{query}».',
  searchCount_one: '{count} opptak passer til «{query}».',
  searchCount_other: '{count} opptak passer til «{query}».',
  searchMoments_one: '{count} treff i opptaket',
  searchMoments_other: '{count} treff i opptaket',
  searchKindTitle: 'Tittel',
  searchKindDescription: 'Beskrivelse',
  searchKindChapter: 'Kapittel',
  searchKindTranscript: 'Transkripsjon',
  searchResultsHeading: 'Treff',
  listenOnlyLabel: 'Bare lyd',
  listenOnlyOn: 'Bare lyden spilles av. Bildet lastes ikke ned.',
  listenOnlyOff: 'Bilde og lyd spilles av.',
};

const nn: Messages = {
  siteName: 'Folkemøte',
  languageName: 'Nynorsk',
  languageNav: 'Språk',
  skipToContent: 'Hopp til hovudinnhaldet',
  archiveTitle: 'Opptak',
  archiveIntro: 'Sjå opptak av webinar og folkemøte når det passar deg.',
  archiveEmpty: 'Ingen opptak er publiserte enno.',
  archiveCount_one: '{count} opptak',
  archiveCount_other: '{count} opptak',
  backToArchive: 'Alle opptak',
  duration: 'Lengd',
  published: 'Publisert',
  recorded: 'Halde',
  eventHeading: 'Om arrangementet',
  recordingHeading: 'Om opptaket',
  eventTime: 'Tidspunkt',
  organiser: 'Arrangør',
  contactHeading: 'Kontaktperson',
  email: 'E-post',
  phone: 'Telefon',
  downloadVideo: 'Last ned video',
  downloadAudio: 'Last ned lyd',
  downloadHint: '{format}, {size}',
  downloadPending: 'Opptaket kan lastast ned snart, når versjonen i full kvalitet er klar.',
  captionsAvailable: 'Teksting: {languages}',
  audioDescriptionSaidAloud:
    'Synstolking: alt som blir vist i opptaket, blir òg sagt høgt, så det trengst ikkje eige synstolkingsspor.',
  audioDescriptionTrack: 'Synstolking: tekstspor med skildringar ({languages}) kan veljast i avspelaren.',
  chaptersHeading: 'Spørsmål i opptaket',
  chaptersIntro: 'Vel eit spørsmål for å spele av frå der det vart svart på.',
  chaptersHeadingAll: 'Kapittel',
  chaptersIntroAll: 'Vel eit kapittel for å spele av frå der det byrjar.',
  seekLabel: 'Tidslinje',
  seekValueText: '{time} av {duration}',
  playLabel: 'Spel av',
  pauseLabel: 'Pause',
  muteLabel: 'Demp lyden',
  captionsLabel: 'Teksting',
  fullscreenLabel: 'Fullskjerm',
  exitFullscreenLabel: 'Avslutt fullskjerm',
  embedHeading: 'Bygg inn på ei nettside',
  embedIntro: 'Lim inn koden på nettsida der avspelaren skal visast.',
  embedLabel: 'HTML-kode for avspelaren',
  copy: 'Kopier koden',
  copied: 'Koden er kopiert.',
  copyFailed: 'Kunne ikkje kopiere. Merk koden og kopier han sjølv.',
  playerUnsupported: 'Nettlesaren din kan ikkje spele av dette opptaket. Du kan laste det ned i staden.',
  playerUnsupportedNoDownload: 'Nettlesaren din kan ikkje spele av dette opptaket.',
  playerError: 'Avspelinga stoppa på grunn av ein feil. Last inn sida på nytt, eller last ned opptaket.',
  playerErrorNoDownload: 'Avspelinga stoppa på grunn av ein feil. Last inn sida på nytt.',
  noScript: 'Avspelaren treng JavaScript. Du kan laste ned opptaket i staden.',
  noScriptNoDownload: 'Avspelaren treng JavaScript.',
  audioOnly: 'Lydopptak',
  playerTitle: 'Videoavspelar: {title}',
  posterAlt: 'Stillbilete frå opptaket «{title}»',
  descriptionFallback: 'Opptak av «{title}».',
  watchOnSite: 'Sjå opptaket på {site}',
  subscribe: 'Abonner på nye opptak',
  rssFeed: 'RSS-straum',
  jsonFeed: 'JSON Feed',
  privacyNote: 'Denne sida bruker ikkje informasjonskapslar og hentar ikkje innhald frå tredjepartar.',
  hours_one: '{count} time',
  hours_other: '{count} timar',
  minutes_one: '{count} minutt',
  minutes_other: '{count} minutt',
  seconds_one: '{count} sekund',
  seconds_other: '{count} sekund',
  transcriptHeading: 'Transkripsjon',
  transcriptIntro: 'Alt som vert sagt i opptaket, som tekst. Vel ei linje for å spela av derifrå.',
  searchLink: 'Søk i opptaka',
  searchTitle: 'Søk i opptak',
  searchIntro:
    'Søk etter ord i titlar, skildringar, kapittel og transkripsjonar. Kvart treff spelar av frå der ordet står eller vert sagt.',
  searchLabel: 'Søkjeord',
  searchHint:
    'Ord som byrjar slik, tel òg: «kommun» finn «kommunane». Fleire ord må alle finnast i opptaket.',
  searchButton: 'Søk',
  searchNoScript: 'Søket treng JavaScript.',
  searchLoading: 'Hentar søkjeregisteret …',
  searchFailed: 'Søket kunne ikkje lastast. Last inn sida på nytt.',
  searchEmptyQuery: 'Skriv eitt eller fleire ord.',
  searchNone: 'Ingen opptak passar til «{query}».',
  searchCount_one: '{count} opptak passar til «{query}».',
  searchCount_other: '{count} opptak passar til «{query}».',
  searchMoments_one: '{count} treff i opptaket',
  searchMoments_other: '{count} treff i opptaket',
  searchKindTitle: 'Tittel',
  searchKindDescription: 'Skildring',
  searchKindChapter: 'Kapittel',
  searchKindTranscript: 'Transkripsjon',
  searchResultsHeading: 'Treff',
  listenOnlyLabel: 'Berre lyd',
  listenOnlyOn: 'Berre lyden blir spelt av. Biletet blir ikkje lasta ned.',
  listenOnlyOff: 'Bilete og lyd blir spelt av.',
};

const en: Messages = {
  siteName: 'Folkemøte',
  languageName: 'English',
  languageNav: 'Language',
  skipToContent: 'Skip to main content',
  archiveTitle: 'Recordings',
  archiveIntro: 'Watch recordings of webinars and public meetings whenever it suits you.',
  archiveEmpty: 'No recordings have been published yet.',
  archiveCount_one: '{count} recording',
  archiveCount_other: '{count} recordings',
  backToArchive: 'All recordings',
  duration: 'Duration',
  published: 'Published',
  recorded: 'Held',
  eventHeading: 'About the event',
  recordingHeading: 'About the recording',
  eventTime: 'Time',
  organiser: 'Organiser',
  contactHeading: 'Contact person',
  email: 'Email',
  phone: 'Phone',
  downloadVideo: 'Download video',
  downloadAudio: 'Download audio',
  downloadHint: '{format}, {size}',
  downloadPending: 'The recording can be downloaded soon, when the full-quality version is ready.',
  captionsAvailable: 'Captions: {languages}',
  audioDescriptionSaidAloud:
    'Audio description: everything shown in the recording is also said aloud, so no separate description track is needed.',
  audioDescriptionTrack:
    'Audio description: a text track of descriptions ({languages}) can be chosen in the player.',
  chaptersHeading: 'Questions in the recording',
  chaptersIntro: 'Choose a question to play from where it was answered.',
  chaptersHeadingAll: 'Chapters',
  chaptersIntroAll: 'Choose a chapter to play from where it starts.',
  seekLabel: 'Timeline',
  seekValueText: '{time} of {duration}',
  playLabel: 'Play',
  pauseLabel: 'Pause',
  muteLabel: 'Mute',
  captionsLabel: 'Captions',
  fullscreenLabel: 'Full screen',
  exitFullscreenLabel: 'Exit full screen',
  embedHeading: 'Embed on a web page',
  embedIntro: 'Paste the code into the web page where the player should appear.',
  embedLabel: 'HTML code for the player',
  copy: 'Copy code',
  copied: 'The code has been copied.',
  copyFailed: 'Could not copy. Select the code and copy it yourself.',
  playerUnsupported: 'Your browser cannot play this recording. You can download it instead.',
  playerUnsupportedNoDownload: 'Your browser cannot play this recording.',
  playerError: 'Playback stopped because of an error. Reload the page or download the recording.',
  playerErrorNoDownload: 'Playback stopped because of an error. Reload the page.',
  noScript: 'The player needs JavaScript. You can download the recording instead.',
  noScriptNoDownload: 'The player needs JavaScript.',
  audioOnly: 'Audio recording',
  playerTitle: 'Video player: {title}',
  posterAlt: 'Still image from the recording “{title}”',
  descriptionFallback: 'Recording of “{title}”.',
  watchOnSite: 'Watch the recording on {site}',
  subscribe: 'Subscribe to new recordings',
  rssFeed: 'RSS feed',
  jsonFeed: 'JSON Feed',
  privacyNote: 'This site uses no cookies and loads no content from third parties.',
  hours_one: '{count} hour',
  hours_other: '{count} hours',
  minutes_one: '{count} minute',
  minutes_other: '{count} minutes',
  seconds_one: '{count} second',
  seconds_other: '{count} seconds',
  transcriptHeading: 'Transcript',
  transcriptIntro: 'Everything said in the recording, as text. Choose a line to play from there.',
  searchLink: 'Search the recordings',
  searchTitle: 'Search recordings',
  searchIntro:
    'Search for words in titles, descriptions, chapters and transcripts. Each result plays from where the word appears or is said.',
  searchLabel: 'Search words',
  searchHint:
    'Words that begin this way count too: “council” finds “councillors”. With several words, all of them must be in the recording.',
  searchButton: 'Search',
  searchNoScript: 'Search needs JavaScript.',
  searchLoading: 'Loading the search index …',
  searchFailed: 'The search could not be loaded. Reload the page.',
  searchEmptyQuery: 'Type one or more words.',
  searchNone: 'No recording matches “{query}”.',
  searchCount_one: '{count} recording matches “{query}”.',
  searchCount_other: '{count} recordings match “{query}”.',
  searchMoments_one: '{count} match in the recording',
  searchMoments_other: '{count} matches in the recording',
  searchKindTitle: 'Title',
  searchKindDescription: 'Description',
  searchKindChapter: 'Chapter',
  searchKindTranscript: 'Transcript',
  searchResultsHeading: 'Results',
  listenOnlyLabel: 'Listen only',
  listenOnlyOn: 'Playing the sound only. The picture is not downloaded.',
  listenOnlyOff: 'Playing the picture and the sound.',
};

export const messages: Record<Locale, Messages> = { nb, nn, en };

/**
 * BCP 47 tags for Intl's numbers and plurals; nynorsk writes numbers as bokmål does, and not every
 * runtime carries `nn` data. Dates come from @folkemote/domain/dates, not from Intl.
 */
export const intlLocale: Record<Locale, string> = { nb: 'nb-NO', nn: 'nb-NO', en: 'en-GB' };
export const ogLocale: Record<Locale, string> = { nb: 'nb_NO', nn: 'nn_NO', en: 'en_GB' };

/** Looks a text up and fills its placeholders; the result is plain text, not yet escaped. */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return messages[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Picks the `_one` or `_other` form; all three languages pluralise like English here. */
export function translateCount(
  locale: Locale,
  key: 'archiveCount' | 'hours' | 'minutes' | 'seconds',
  count: number,
): string {
  const form = new Intl.PluralRules(intlLocale[locale]).select(count) === 'one' ? 'one' : 'other';
  return translate(locale, `${key}_${form}`, { count: count.toLocaleString(intlLocale[locale]) });
}
