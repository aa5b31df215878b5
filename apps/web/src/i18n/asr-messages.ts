import type { Locale } from '@folkemote/domain';

/** Draft captions from speech recognition, on the organiser's recordings page (key prefix: asr). */
export interface AsrMessages {
  asrMake: string;
  asrMakeAgain: string;
  asrStarting: string;
  asrProgressLabel: (title: string) => string;
  asrQueued: string;
  asrRunning: (percent: number) => string;
  asrDone: (cues: number) => string;
  asrFailed: string;
  asrLanguageUnsupported: string;
  asrNotProcessed: string;
  asrNoEngine: string;
  asrPrivate: string;
}

export const asrMessages: Record<Locale, AsrMessages> = {
  nb: {
    asrMake: 'Lag utkast til teksting',
    asrMakeAgain: 'Lag nytt utkast til teksting',
    asrStarting: 'Starter …',
    asrProgressLabel: (title) => `Utkast til teksting for «${title}»`,
    asrQueued: 'Utkastet står i kø.',
    asrRunning: (p) => `Talegjenkjenning: ${p} % av lyden`,
    asrDone: (n) => `Utkastet er klart: ${n} ${n === 1 ? 'tekstlinje' : 'tekstlinjer'}.`,
    asrFailed: 'Utkastet kunne ikke lages:',
    asrLanguageUnsupported: 'Talegjenkjenningen her kan ikke språket til arrangementet.',
    asrNotProcessed: 'Vent til opptaket er ferdig behandlet.',
    asrNoEngine: 'Ingen talegjenkjenning er satt opp.',
    asrPrivate: 'Utkastet er ikke offentlig før en arrangør har godkjent det.',
  },
  nn: {
    asrMake: 'Lag utkast til teksting',
    asrMakeAgain: 'Lag nytt utkast til teksting',
    asrStarting: 'Startar …',
    asrProgressLabel: (title) => `Utkast til teksting for «${title}»`,
    asrQueued: 'Utkastet står i kø.',
    asrRunning: (p) => `Talegjenkjenning: ${p} % av lyden`,
    asrDone: (n) => `Utkastet er klart: ${n} ${n === 1 ? 'tekstlinje' : 'tekstlinjer'}.`,
    asrFailed: 'Utkastet kunne ikkje lagast:',
    asrLanguageUnsupported: 'Talegjenkjenninga her kan ikkje språket til arrangementet.',
    asrNotProcessed: 'Vent til opptaket er ferdig handsama.',
    asrNoEngine: 'Inga talegjenkjenning er sett opp.',
    asrPrivate: 'Utkastet er ikkje offentleg før ein arrangør har godkjent det.',
  },
  en: {
    asrMake: 'Make draft captions',
    asrMakeAgain: 'Make new draft captions',
    asrStarting: 'Starting …',
    asrProgressLabel: (title) => `Draft captions for “${title}”`,
    asrQueued: 'The draft is waiting in the queue.',
    asrRunning: (p) => `Speech recognition: ${p} % of the sound`,
    asrDone: (n) => `The draft is ready: ${n} ${n === 1 ? 'cue' : 'cues'}.`,
    asrFailed: 'The draft could not be made:',
    asrLanguageUnsupported: 'The speech recognition here does not know the event’s language.',
    asrNotProcessed: 'Wait until the recording is processed.',
    asrNoEngine: 'No speech recognition is set up.',
    asrPrivate: 'The draft is not public until an organiser approves it.',
  },
};
