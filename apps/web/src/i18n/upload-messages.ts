import type { Locale } from '@folkemote/domain';

/** Uploading a recording from the browser (apps/web/src/recordings/upload/). */
export interface UploadMessages {
  heading: string;
  intro: string;
  title: string;
  titleHint: string;
  event: string;
  noEvent: string;
  file: string;
  fileHint: string;
  start: string;
  starting: string;
  pause: string;
  resume: string;
  cancel: string;
  progressLabel: (fileName: string) => string;
  /** "42 % – 420 of 1000 MB" */
  progressText: (percent: string, doneMb: string, totalMb: string) => string;
  speed: (mbPerSecond: string, eta: string | null) => string;
  etaMinutes: (minutes: number) => string;
  etaSeconds: (seconds: number) => string;
  paused: string;
  offline: (seconds: number) => string;
  retrying: string;
  resumed: string;
  completing: string;
  done: (title: string) => string;
  cancelled: string;
  unfinishedHeading: string;
  unfinishedHint: string;
  unfinishedItem: (fileName: string, megabytes: string, started: string) => string;
  discard: (fileName: string) => string;
  resuming: (fileName: string) => string;
  noFile: string;
  titleTooShort: string;
  tooLarge: (maxGigabytes: string) => string;
  failed: string;
  /** Why the API refused, by its error code. */
  refused: (code: string) => string;
}

export const uploadMessages: Record<Locale, UploadMessages> = {
  nb: {
    heading: 'Last opp et opptak',
    intro: `Opptaket går rett til lageret i deler, så en brutt forbindelse koster bare delen som var på vei.`,
    title: 'Tittel (må fylles ut)',
    titleHint: 'Slik den vises i arkivet, minst 3 tegn.',
    event: 'Arrangement',
    noEvent: 'Uten arrangement',
    file: 'Opptaksfil (må velges)',
    fileHint:
      'Video eller lyd (MP4, MOV, WebM, MKV, MPEG-TS, Ogg, WAV, MP3, FLAC). Velg samme fil igjen for å fortsette en opplasting som ble avbrutt.',
    start: 'Last opp',
    starting: 'Starter …',
    pause: 'Sett på pause',
    resume: 'Fortsett',
    cancel: 'Avbryt opplastingen',
    progressLabel: (f) => `Opplasting av ${f}`,
    progressText: (p, d, t) => `${p} % – ${d} av ${t} MB`,
    speed: (s, eta) => (eta ? `${s} MB/s – ${eta} igjen` : `${s} MB/s`),
    etaMinutes: (m) => `omtrent ${m} min`,
    etaSeconds: (s) => `omtrent ${s} s`,
    paused: 'Opplastingen er satt på pause.',
    offline: (s) => `Forbindelsen er brutt. Prøver igjen om ${s} s, eller straks nettet er tilbake.`,
    retrying: 'Prøver igjen …',
    resumed: 'Opplastingen fortsetter der den slapp.',
    completing: 'Setter sammen opptaket …',
    done: (title) => `«${title}» er lastet opp og behandles nå. Det står i listen nedenfor.`,
    cancelled: 'Opplastingen er avbrutt, og delene som var sendt, er slettet.',
    unfinishedHeading: 'Uferdige opplastinger',
    unfinishedHint: 'Velg samme fil igjen i skjemaet for å fortsette der den slapp.',
    unfinishedItem: (f, mb, started) => `${f} (${mb} MB), startet ${started}`,
    discard: (f) => `Forkast ${f}`,
    resuming: (f) => `Fortsetter opplastingen av ${f}.`,
    noFile: 'Velg en fil først.',
    titleTooShort: 'Skriv en tittel på minst 3 tegn.',
    tooLarge: (max) => `Filen er større enn ${max} GB.`,
    failed: 'Opplastingen stoppet:',
    refused: (code) =>
      ({
        unknown_event: 'Arrangementet finnes ikke lenger.',
        too_large: 'Filen er for stor.',
        invalid_input: 'Noe i skjemaet er ikke gyldig.',
        not_found: 'Opplastingen finnes ikke lenger. Start den på nytt.',
        upload_aborted: 'Opplastingen er avbrutt. Start den på nytt.',
        missing_parts: 'Noen deler kom ikke fram. Trykk «Fortsett».',
      })[code] ?? 'Noe gikk galt. Prøv igjen.',
  },
  nn: {
    heading: 'Last opp eit opptak',
    intro: `Opptaket går rett til lageret i delar, så eit brote samband kostar berre delen som var på veg.`,
    title: 'Tittel (må fyllast ut)',
    titleHint: 'Slik han blir vist i arkivet, minst 3 teikn.',
    event: 'Arrangement',
    noEvent: 'Utan arrangement',
    file: 'Opptaksfil (må veljast)',
    fileHint:
      'Video eller lyd (MP4, MOV, WebM, MKV, MPEG-TS, Ogg, WAV, MP3, FLAC). Vel same fil igjen for å halde fram med ei opplasting som vart avbroten.',
    start: 'Last opp',
    starting: 'Startar …',
    pause: 'Set på pause',
    resume: 'Hald fram',
    cancel: 'Avbryt opplastinga',
    progressLabel: (f) => `Opplasting av ${f}`,
    progressText: (p, d, t) => `${p} % – ${d} av ${t} MB`,
    speed: (s, eta) => (eta ? `${s} MB/s – ${eta} att` : `${s} MB/s`),
    etaMinutes: (m) => `omtrent ${m} min`,
    etaSeconds: (s) => `omtrent ${s} s`,
    paused: 'Opplastinga er sett på pause.',
    offline: (s) => `Sambandet er brote. Prøver igjen om ${s} s, eller straks nettet er tilbake.`,
    retrying: 'Prøver igjen …',
    resumed: 'Opplastinga held fram der ho slapp.',
    completing: 'Set saman opptaket …',
    done: (title) => `«${title}» er lasta opp og blir handsama no. Det står i lista nedanfor.`,
    cancelled: 'Opplastinga er avbroten, og delane som var sende, er sletta.',
    unfinishedHeading: 'Uferdige opplastingar',
    unfinishedHint: 'Vel same fil igjen i skjemaet for å halde fram der ho slapp.',
    unfinishedItem: (f, mb, started) => `${f} (${mb} MB), starta ${started}`,
    discard: (f) => `Forkast ${f}`,
    resuming: (f) => `Held fram med opplastinga av ${f}.`,
    noFile: 'Vel ei fil først.',
    titleTooShort: 'Skriv ein tittel på minst 3 teikn.',
    tooLarge: (max) => `Fila er større enn ${max} GB.`,
    failed: 'Opplastinga stoppa:',
    refused: (code) =>
      ({
        unknown_event: 'Arrangementet finst ikkje lenger.',
        too_large: 'Fila er for stor.',
        invalid_input: 'Noko i skjemaet er ikkje gyldig.',
        not_found: 'Opplastinga finst ikkje lenger. Start ho på nytt.',
        upload_aborted: 'Opplastinga er avbroten. Start ho på nytt.',
        missing_parts: 'Nokre delar kom ikkje fram. Trykk «Hald fram».',
      })[code] ?? 'Noko gjekk gale. Prøv igjen.',
  },
  en: {
    heading: 'Upload a recording',
    intro: `The recording goes straight to storage in parts, so a lost connection costs only the part on its way.`,
    title: 'Title (required)',
    titleHint: 'As the archive shows it, at least 3 characters.',
    event: 'Event',
    noEvent: 'No event',
    file: 'Recording file (required)',
    fileHint:
      'Video or audio (MP4, MOV, WebM, MKV, MPEG-TS, Ogg, WAV, MP3, FLAC). Pick the same file again to continue an upload that was interrupted.',
    start: 'Upload',
    starting: 'Starting …',
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel the upload',
    progressLabel: (f) => `Upload of ${f}`,
    progressText: (p, d, t) => `${p}% – ${d} of ${t} MB`,
    speed: (s, eta) => (eta ? `${s} MB/s – ${eta} left` : `${s} MB/s`),
    etaMinutes: (m) => `about ${m} min`,
    etaSeconds: (s) => `about ${s} s`,
    paused: 'The upload is paused.',
    offline: (s) => `The connection was lost. Trying again in ${s} s, or as soon as the network is back.`,
    retrying: 'Trying again …',
    resumed: 'The upload continues where it left off.',
    completing: 'Putting the recording together …',
    done: (title) => `“${title}” is uploaded and being processed. It is in the list below.`,
    cancelled: 'The upload was cancelled, and the parts sent were deleted.',
    unfinishedHeading: 'Unfinished uploads',
    unfinishedHint: 'Pick the same file again in the form to continue where it left off.',
    unfinishedItem: (f, mb, started) => `${f} (${mb} MB), started ${started}`,
    discard: (f) => `Discard ${f}`,
    resuming: (f) => `Continuing the upload of ${f}.`,
    noFile: 'Pick a file first.',
    titleTooShort: 'Write a title of at least 3 characters.',
    tooLarge: (max) => `The file is larger than ${max} GB.`,
    failed: 'The upload stopped:',
    refused: (code) =>
      ({
        unknown_event: 'The event no longer exists.',
        too_large: 'The file is too large.',
        invalid_input: 'Something in the form is not valid.',
        not_found: 'The upload no longer exists. Start it again.',
        upload_aborted: 'The upload was cancelled. Start it again.',
        missing_parts: 'Some parts did not arrive. Press “Resume”.',
      })[code] ?? 'Something went wrong. Try again.',
  },
};
