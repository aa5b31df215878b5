import type { Locale } from '@folkemote/domain';

/**
 * The live page's own texts (the broadcast before, during and after), beside the site's
 * `messages.ts`. Placeholders are written `{name}`; the script fills those it shows itself.
 */
export type LiveMessageKey =
  | 'liveBadge'
  | 'broadcastHeading'
  | 'startsAtLabel'
  | 'countdownLabel'
  | 'countdownAnnounce'
  | 'countdownSoon'
  | 'nowLive'
  | 'behindLive'
  | 'atLiveEdge'
  | 'jumpToLive'
  | 'endedReplay'
  | 'endedWaiting'
  | 'heldNotice'
  | 'highlightHeading'
  | 'askHeading'
  | 'askText'
  | 'eventPageLink'
  | 'place'
  | 'placeOnline'
  | 'placeOnsite'
  | 'placeHybrid'
  | 'liveError'
  | 'liveUnsupported'
  | 'liveNoScript'
  | 'livePlayerTitle'
  | 'watchLiveOnSite'
  | 'liveDescriptionFallback'
  | 'unitDay_one'
  | 'unitDay_other'
  | 'unitHour_one'
  | 'unitHour_other'
  | 'unitMinute_one'
  | 'unitMinute_other'
  | 'unitSecond_one'
  | 'unitSecond_other';

export type LiveMessages = Record<LiveMessageKey, string>;

const nb: LiveMessages = {
  liveBadge: 'DIREKTE',
  broadcastHeading: 'Sendingen',
  startsAtLabel: 'Sendingen starter',
  countdownLabel: 'Sendingen starter om',
  countdownAnnounce: 'Sendingen starter om {time}.',
  countdownSoon: 'Sendingen starter straks.',
  nowLive: 'Sendingen er i gang.',
  behindLive: '{seconds} s bak direkte',
  atLiveEdge: 'Du ser sendingen direkte',
  jumpToLive: 'Gå til direkte',
  endedReplay: 'Sendingen er over. Opptaket spilles av fra starten.',
  endedWaiting: 'Sendingen er over. Opptaket kommer her om litt.',
  heldNotice: 'Sendingen er over. Opptaket blir publisert her når arrangøren har gått gjennom det.',
  highlightHeading: 'Spørsmålet som besvares nå',
  askHeading: 'Still et spørsmål',
  askText:
    'Er du påmeldt, kan du stille spørsmål gjennom den personlige lenken i e-posten du fikk da du meldte deg på.',
  eventPageLink: 'Side for arrangementet og påmelding',
  place: 'Sted',
  placeOnline: 'På nett',
  placeOnsite: '{address}',
  placeHybrid: '{address} og på nett',
  liveError: 'Sendingen kunne ikke spilles av. Last inn siden på nytt.',
  liveUnsupported: 'Nettleseren din kan ikke spille av denne sendingen.',
  liveNoScript: 'Avspilleren trenger JavaScript.',
  livePlayerTitle: 'Direktesending: {title}',
  watchLiveOnSite: 'Se sendingen på {site}',
  liveDescriptionFallback: 'Direktesending av «{title}».',
  unitDay_one: '{count} dag',
  unitDay_other: '{count} dager',
  unitHour_one: '{count} time',
  unitHour_other: '{count} timer',
  unitMinute_one: '{count} minutt',
  unitMinute_other: '{count} minutter',
  unitSecond_one: '{count} sekund',
  unitSecond_other: '{count} sekunder',
};

const nn: LiveMessages = {
  liveBadge: 'DIREKTE',
  broadcastHeading: 'Sendinga',
  startsAtLabel: 'Sendinga startar',
  countdownLabel: 'Sendinga startar om',
  countdownAnnounce: 'Sendinga startar om {time}.',
  countdownSoon: 'Sendinga startar straks.',
  nowLive: 'Sendinga er i gang.',
  behindLive: '{seconds} s bak direkte',
  atLiveEdge: 'Du ser sendinga direkte',
  jumpToLive: 'Gå til direkte',
  endedReplay: 'Sendinga er over. Opptaket blir spelt av frå starten.',
  endedWaiting: 'Sendinga er over. Opptaket kjem her om litt.',
  heldNotice: 'Sendinga er over. Opptaket blir publisert her når arrangøren har gått gjennom det.',
  highlightHeading: 'Spørsmålet som blir svart på no',
  askHeading: 'Still eit spørsmål',
  askText:
    'Er du påmeld, kan du stille spørsmål gjennom den personlege lenkja i e-posten du fekk då du melde deg på.',
  eventPageLink: 'Sida for arrangementet og påmelding',
  place: 'Stad',
  placeOnline: 'På nett',
  placeOnsite: '{address}',
  placeHybrid: '{address} og på nett',
  liveError: 'Sendinga kunne ikkje spelast av. Last inn sida på nytt.',
  liveUnsupported: 'Nettlesaren din kan ikkje spele av denne sendinga.',
  liveNoScript: 'Avspelaren treng JavaScript.',
  livePlayerTitle: 'Direktesending: {title}',
  watchLiveOnSite: 'Sjå sendinga på {site}',
  liveDescriptionFallback: 'Direktesending av «{title}».',
  unitDay_one: '{count} dag',
  unitDay_other: '{count} dagar',
  unitHour_one: '{count} time',
  unitHour_other: '{count} timar',
  unitMinute_one: '{count} minutt',
  unitMinute_other: '{count} minutt',
  unitSecond_one: '{count} sekund',
  unitSecond_other: '{count} sekund',
};

const en: LiveMessages = {
  liveBadge: 'LIVE',
  broadcastHeading: 'The broadcast',
  startsAtLabel: 'The broadcast starts',
  countdownLabel: 'The broadcast starts in',
  countdownAnnounce: 'The broadcast starts in {time}.',
  countdownSoon: 'The broadcast is about to start.',
  nowLive: 'The broadcast is on.',
  behindLive: '{seconds} s behind live',
  atLiveEdge: 'You are watching live',
  jumpToLive: 'Go to live',
  endedReplay: 'The broadcast has ended. The recording plays from the start.',
  endedWaiting: 'The broadcast has ended. The recording will be here shortly.',
  heldNotice:
    'The broadcast has ended. The recording will be published here once the organiser has reviewed it.',
  highlightHeading: 'The question being answered now',
  askHeading: 'Ask a question',
  askText:
    'If you registered, you can ask questions through the personal link in the email you received when you signed up.',
  eventPageLink: 'The event page and registration',
  place: 'Place',
  placeOnline: 'Online',
  placeOnsite: '{address}',
  placeHybrid: '{address} and online',
  liveError: 'The broadcast could not be played. Reload the page.',
  liveUnsupported: 'Your browser cannot play this broadcast.',
  liveNoScript: 'The player needs JavaScript.',
  livePlayerTitle: 'Live broadcast: {title}',
  watchLiveOnSite: 'Watch the broadcast on {site}',
  liveDescriptionFallback: 'Live broadcast of “{title}”.',
  unitDay_one: '{count} day',
  unitDay_other: '{count} days',
  unitHour_one: '{count} hour',
  unitHour_other: '{count} hours',
  unitMinute_one: '{count} minute',
  unitMinute_other: '{count} minutes',
  unitSecond_one: '{count} second',
  unitSecond_other: '{count} seconds',
};

export const liveMessages: Record<Locale, LiveMessages> = { nb, nn, en };

/** Looks a live-page text up and fills its placeholders; plain text, not yet escaped. */
export function translateLive(
  locale: Locale,
  key: LiveMessageKey,
  params: Record<string, string | number> = {},
): string {
  return liveMessages[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
