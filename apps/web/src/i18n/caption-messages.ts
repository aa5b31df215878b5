import type { CaptionLanguage, Locale } from '@folkemote/domain';

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
    uploaded: (l) => `Tekstingen på ${l} er lagt ut. Avspillingssiden viser den innen et minutt.`,
    noFile: 'Velg en tekstfil først.',
    remove: (l) => `Fjern teksting på ${l}`,
    removed: (l) => `Tekstingen på ${l} er fjernet.`,
    failed: 'Tekstingen ble ikke lagt ut:',
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
    uploaded: (l) => `Tekstinga på ${l} er lagd ut. Avspelingssida viser henne innan eit minutt.`,
    noFile: 'Vel ei tekstfil først.',
    remove: (l) => `Fjern teksting på ${l}`,
    removed: (l) => `Tekstinga på ${l} er fjerna.`,
    failed: 'Tekstinga vart ikkje lagd ut:',
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
    uploaded: (l) => `The ${l} captions are published. The replay page shows them within a minute.`,
    noFile: 'Choose a caption file first.',
    remove: (l) => `Remove the ${l} captions`,
    removed: (l) => `The ${l} captions are removed.`,
    failed: 'The captions were not published:',
  },
};
