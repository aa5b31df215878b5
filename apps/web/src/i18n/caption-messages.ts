import type { CaptionLanguage, CaptionsProblem, Locale } from '@folkemote/domain';

/** The organiser's captions controls on the recordings page. */
export interface CaptionMessages {
  heading: string;
  has: (languages: string) => string;
  missing: string;
  dueBy: (date: string) => string;
  overdue: (date: string) => string;
  why: string;
  add: (title: string) => string;
  language: string;
  languages: Record<CaptionLanguage, string>;
  file: string;
  fileHint: string;
  upload: string;
  uploading: string;
  uploaded: (language: string) => string;
  noFile: string;
  remove: (language: string) => string;
  removed: (language: string) => string;
  failed: string;
  /** What is wrong with a refused file, from the API's code and numbers. */
  problem: (p: CaptionsProblem) => string;
}

const languages: Record<CaptionLanguage, string> = {
  nb: 'Norsk (bokmål)',
  nn: 'Norsk (nynorsk)',
  en: 'English',
  se: 'Davvisámegiella',
};

export const captionMessages: Record<Locale, CaptionMessages> = {
  nb: {
    heading: 'Teksting',
    has: (l) => `Teksting: ${l}`,
    missing: 'Mangler teksting',
    dueBy: (d) => `Frist ${d}`,
    overdue: (d) => `Fristen gikk ut ${d}`,
    why: 'Opptak som ligger ute, skal være tekstet, som hovedregel innen 14 dager (WCAG 1.2.2).',
    add: (title) => `Legg til teksting for «${title}»`,
    language: 'Språk',
    languages,
    file: 'Tekstfil',
    fileHint: 'WebVTT (.vtt) eller SubRip (.srt), høyst 2 MB.',
    upload: 'Last opp teksting',
    uploading: 'Laster opp …',
    uploaded: (l) => `Tekstingen på ${l} er lastet opp som utkast. Godkjenn den for å publisere den.`,
    noFile: 'Velg en tekstfil først.',
    remove: (l) => `Fjern teksting på ${l}`,
    removed: (l) => `Tekstingen på ${l} er fjernet.`,
    failed: 'Tekstingen ble ikke lagt ut:',
    problem: (p) => {
      switch (p.code) {
        case 'too_large':
          return `Filen er større enn ${p.megabytes} MB.`;
        case 'not_utf8':
          return 'Filen er ikke UTF-8-tekst. Lagre den som UTF-8 og last den opp igjen.';
        case 'not_captions':
          return 'Filen er verken WebVTT eller SubRip (.srt): den begynner ikke med en tidskode.';
        case 'bad_timing_line':
          return `Linje ${p.line}: tidspunktet er ikke gyldig. Det skal se slik ut: 00:00:01.000 --> 00:00:04.000.`;
        case 'time_out_of_range':
          return `Linje ${p.line}: et tidspunkt er utenfor det gyldige området.`;
        case 'ends_before_start':
          return `Linje ${p.line}: teksten slutter før den begynner.`;
        case 'cue_too_long':
          return `Linje ${p.line}: teksten er lengre enn ${p.limit} tegn.`;
        case 'too_many_cues':
          return `Filen har flere enn ${p.limit} tekstblokker.`;
        case 'no_captions':
          return 'Filen inneholder ingen teksting.';
      }
    },
  },
  nn: {
    heading: 'Teksting',
    has: (l) => `Teksting: ${l}`,
    missing: 'Manglar teksting',
    dueBy: (d) => `Frist ${d}`,
    overdue: (d) => `Fristen gjekk ut ${d}`,
    why: 'Opptak som ligg ute, skal vere teksta, som hovudregel innan 14 dagar (WCAG 1.2.2).',
    add: (title) => `Legg til teksting for «${title}»`,
    language: 'Språk',
    languages,
    file: 'Tekstfil',
    fileHint: 'WebVTT (.vtt) eller SubRip (.srt), høgst 2 MB.',
    upload: 'Last opp teksting',
    uploading: 'Lastar opp …',
    uploaded: (l) => `Tekstinga på ${l} er lasta opp som utkast. Godkjenn henne for å publisere henne.`,
    noFile: 'Vel ei tekstfil først.',
    remove: (l) => `Fjern teksting på ${l}`,
    removed: (l) => `Tekstinga på ${l} er fjerna.`,
    failed: 'Tekstinga vart ikkje lagd ut:',
    problem: (p) => {
      switch (p.code) {
        case 'too_large':
          return `Fila er større enn ${p.megabytes} MB.`;
        case 'not_utf8':
          return 'Fila er ikkje UTF-8-tekst. Lagre ho som UTF-8 og last ho opp igjen.';
        case 'not_captions':
          return 'Fila er verken WebVTT eller SubRip (.srt): ho byrjar ikkje med ein tidskode.';
        case 'bad_timing_line':
          return `Linje ${p.line}: tidspunktet er ikkje gyldig. Det skal sjå slik ut: 00:00:01.000 --> 00:00:04.000.`;
        case 'time_out_of_range':
          return `Linje ${p.line}: eit tidspunkt er utanfor det gyldige området.`;
        case 'ends_before_start':
          return `Linje ${p.line}: teksten sluttar før han byrjar.`;
        case 'cue_too_long':
          return `Linje ${p.line}: teksten er lengre enn ${p.limit} teikn.`;
        case 'too_many_cues':
          return `Fila har fleire enn ${p.limit} tekstblokker.`;
        case 'no_captions':
          return 'Fila inneheld inga teksting.';
      }
    },
  },
  en: {
    heading: 'Captions',
    has: (l) => `Captions: ${l}`,
    missing: 'No captions',
    dueBy: (d) => `Due ${d}`,
    overdue: (d) => `Overdue since ${d}`,
    why: 'Recordings left online must be captioned, as a rule within 14 days (WCAG 1.2.2).',
    add: (title) => `Add captions to “${title}”`,
    language: 'Language',
    languages,
    file: 'Caption file',
    fileHint: 'WebVTT (.vtt) or SubRip (.srt), at most 2 MB.',
    upload: 'Upload captions',
    uploading: 'Uploading …',
    uploaded: (l) => `The ${l} captions are uploaded as a draft. Approve them to publish them.`,
    noFile: 'Choose a caption file first.',
    remove: (l) => `Remove the ${l} captions`,
    removed: (l) => `The ${l} captions are removed.`,
    failed: 'The captions were not published:',
    problem: (p) => {
      switch (p.code) {
        case 'too_large':
          return `The file is larger than ${p.megabytes} MB.`;
        case 'not_utf8':
          return 'The file is not UTF-8 text. Save it as UTF-8 and upload it again.';
        case 'not_captions':
          return 'The file is neither WebVTT nor SubRip (.srt): it does not start with a timing.';
        case 'bad_timing_line':
          return `Line ${p.line}: the time is not valid. It should look like 00:00:01.000 --> 00:00:04.000.`;
        case 'time_out_of_range':
          return `Line ${p.line}: a time is out of range.`;
        case 'ends_before_start':
          return `Line ${p.line}: the caption ends before it starts.`;
        case 'cue_too_long':
          return `Line ${p.line}: the caption is longer than ${p.limit} characters.`;
        case 'too_many_cues':
          return `The file has more than ${p.limit} captions.`;
        case 'no_captions':
          return 'The file has no captions in it.';
      }
    },
  },
};
