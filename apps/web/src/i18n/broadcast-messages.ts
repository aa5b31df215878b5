import type { BroadcastStatus, Locale } from '@folkemote/domain';

/** The event editor's broadcast option, and where the organiser finds the broadcast on the public site. */
export interface BroadcastMessages {
  checkbox: string;
  hint: string;
  heading: string;
  status: Record<BroadcastStatus, string>;
  addressLabel: string;
  addressHint: string;
  embedLabel: string;
  embedHint: string;
  copy: string;
  copied: string;
  copyFailed: string;
  open: string;
  notSavedYet: string;
  loadFailed: string;
  /** The live room's host controls: the stream is on the public site now. */
  onWebsiteNow: string;
  /** Under the host's recording button before the broadcast starts. */
  startHint: string;
  /** The registrant's personal page: the broadcast as another way to watch. */
  watchOnWebsite: string;
  watchOnWebsiteHint: string;
}

export const broadcastMessages: Record<Locale, BroadcastMessages> = {
  nb: {
    checkbox: 'Send direkte på nettsida',
    hint: 'Alle kan se sendingen på den offentlige sida uten å logge inn, og uten informasjonskapsler. Når sendingen er slutt, kommer opptaket på samme adresse. Er «Publiser opptak automatisk» slått av, venter opptaket på gjennomgang før det vises.',
    heading: 'Direktesending på nettsida',
    status: {
      scheduled: 'Ikke startet ennå. Sida viser nedtelling fram til start.',
      live: 'På nettsida nå.',
      ended: 'Sendingen er slutt. Opptaket kommer på samme adresse.',
    },
    addressLabel: 'Adresse til sendingen',
    addressHint: 'Del lenken eller legg den ut. Adressen er den samme før, under og etter sendingen.',
    embedLabel: 'Kode for å bygge inn på egen nettside',
    embedHint: 'Lim inn koden i nettsida der sendingen skal vises. Den setter ingen informasjonskapsler.',
    copy: 'Kopier',
    copied: 'Kopiert.',
    copyFailed: 'Kunne ikke kopiere. Teksten er merket, så du kan kopiere den selv.',
    open: 'Åpne sida',
    notSavedYet: 'Adressen og koden for innbygging vises her når arrangementet er lagret.',
    loadFailed: 'Kunne ikke hente adressen til sendingen:',
    onWebsiteNow: 'På nettsida nå',
    startHint: 'Når du starter opptaket, blir webinaret sendt direkte på nettsida.',
    watchOnWebsite: 'Se sendingen på nettsida',
    watchOnWebsiteHint:
      'Webinaret sendes også direkte på nettsida. Vil du stille spørsmål mens du ser der, åpner du webinaret med knappen over og bruker fanen med spørsmål. Du trenger ikke bli med i rommet.',
  },
  nn: {
    checkbox: 'Send direkte på nettsida',
    hint: 'Alle kan sjå sendinga på den opne sida utan å logge inn, og utan informasjonskapslar. Når sendinga er slutt, kjem opptaket på same adresse. Er «Publiser opptak automatisk» slått av, ventar opptaket på gjennomgang før det blir vist.',
    heading: 'Direktesending på nettsida',
    status: {
      scheduled: 'Ikkje starta enno. Sida viser nedteljing fram til start.',
      live: 'På nettsida no.',
      ended: 'Sendinga er slutt. Opptaket kjem på same adresse.',
    },
    addressLabel: 'Adresse til sendinga',
    addressHint: 'Del lenkja eller legg henne ut. Adressa er den same før, under og etter sendinga.',
    embedLabel: 'Kode for å byggje inn på eiga nettside',
    embedHint: 'Lim inn koden i nettsida der sendinga skal visast. Han set ingen informasjonskapslar.',
    copy: 'Kopier',
    copied: 'Kopiert.',
    copyFailed: 'Kunne ikkje kopiere. Teksten er merkt, så du kan kopiere han sjølv.',
    open: 'Opne sida',
    notSavedYet: 'Adressa og koden for innbygging blir viste her når arrangementet er lagra.',
    loadFailed: 'Kunne ikkje hente adressa til sendinga:',
    onWebsiteNow: 'På nettsida no',
    startHint: 'Når du startar opptaket, blir webinaret sendt direkte på nettsida.',
    watchOnWebsite: 'Sjå sendinga på nettsida',
    watchOnWebsiteHint:
      'Webinaret blir òg sendt direkte på nettsida. Vil du stille spørsmål medan du ser der, opnar du webinaret med knappen over og brukar fana med spørsmål. Du treng ikkje bli med i rommet.',
  },
  en: {
    checkbox: 'Broadcast live on the website',
    hint: 'Anyone can watch on the public site without signing in, and without cookies. When the broadcast ends, the recording appears at the same address. If “Publish recordings automatically” is off, the recording waits for review before it is shown.',
    heading: 'Live broadcast on the website',
    status: {
      scheduled: 'Not started yet. The page counts down to the start.',
      live: 'On the website now.',
      ended: 'The broadcast has ended. The recording appears at the same address.',
    },
    addressLabel: 'Address of the broadcast',
    addressHint:
      'Share the link or post it. The address stays the same before, during and after the broadcast.',
    embedLabel: 'Code to embed it on your own website',
    embedHint: 'Paste the code into the page where the broadcast should appear. It sets no cookies.',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Could not copy. The text is selected, so you can copy it yourself.',
    open: 'Open the page',
    notSavedYet: 'The address and the embed code appear here once the event is saved.',
    loadFailed: 'Could not fetch the broadcast’s address:',
    onWebsiteNow: 'On the website now',
    startHint: 'Starting the recording also broadcasts the webinar live on the website.',
    watchOnWebsite: 'Watch the broadcast on the website',
    watchOnWebsiteHint:
      'The webinar is also broadcast live on the website. To ask questions while you watch there, open the webinar with the button above and use the questions tab. You do not need to join the room.',
  },
};
