import type { CriterionStatus, CueWarning, Locale } from '@folkemote/domain';

/** The caption editor (captionsEditor.*) and the tracker's 1.2.2 and 1.2.5 on the recordings page. */
export interface CaptionsEditorMessages {
  title: (kind: 'captions' | 'descriptions', language: string, recording: string) => string;
  intro: (kind: 'captions' | 'descriptions') => string;
  back: string;
  loading: string;
  noPreview: string;
  previewLabel: string;
  cuesHeading: string;
  cueLabel: (n: number, start: string, end: string) => string;
  cueText: (n: number) => string;
  empty: string;
  summaryNone: string;
  summary: (withWarnings: number, total: number) => string;
  warning: (w: CueWarning) => string;
  toolbarLabel: string;
  split: string;
  merge: string;
  add: string;
  remove: string;
  play: string;
  startEarlier: string;
  startLater: string;
  endEarlier: string;
  endLater: string;
  save: string;
  saving: string;
  saved: string;
  approve: string;
  approved: string;
  statusDraft: string;
  statusApproved: string;
  unsaved: string;
  failed: string;
  emptyCue: (n: number) => string;
  shortcutsHeading: string;
  shortcuts: Array<[keys: string, what: string]>;
  announce: {
    split: (n: number) => string;
    merged: (n: number) => string;
    added: (n: number) => string;
    removed: (n: number) => string;
    times: (n: number, start: string, end: string) => string;
  };
  tracker: {
    captions: (s: CriterionStatus) => string;
    audioDescription: (s: CriterionStatus) => string;
    draftOf: (language: string) => string;
    approvedOf: (language: string) => string;
    descriptionsOf: (language: string) => string;
    approveTrack: (what: string) => string;
    approvedTrack: (what: string) => string;
    edit: (what: string) => string;
    newCaptions: string;
    newDescriptions: string;
    editorLanguage: string;
    modeLabel: string;
    modeNone: string;
    modeSaidAloud: string;
    modeTrack: string;
    modeSave: string;
    modeSaved: string;
  };
}

const criterion = (met: string, draft: string, missing: string) => (s: CriterionStatus) =>
  s === 'met' ? met : s === 'draft' ? draft : missing;

const nb: CaptionsEditorMessages = {
  title: (k, l, r) => `${k === 'captions' ? 'Teksting' : 'Synstolking'} på ${l}: ${r}`,
  intro: (k) =>
    k === 'captions'
      ? 'Rett teksten, del og slå sammen tekstbiter og juster tidene. Lagring gir et utkast; tekstingen blir offentlig når du godkjenner den.'
      : 'Skriv hva som vises i bildet og ikke blir sagt. Sporet blir offentlig (som synstolking) når du godkjenner det.',
  back: 'Tilbake til opptakene',
  loading: 'Henter …',
  noPreview: 'Opptaket har ingen forhåndsvisning ennå.',
  previewLabel: 'Forhåndsvisning av opptaket',
  cuesHeading: 'Tekstbiter',
  cueLabel: (n, s, e) => `Tekstbit ${n}, ${s}–${e}`,
  cueText: (n) => `Tekst i tekstbit ${n}`,
  empty: 'Ingen tekstbiter ennå. Legg til den første.',
  summaryNone: 'Alle tekstbitene følger reglene.',
  summary: (w, t) => `${w} av ${t} tekstbiter bryter en regel.`,
  warning: (w) => {
    switch (w.code) {
      case 'too_many_lines':
        return `${w.lines} linjer (høyst ${w.limit}).`;
      case 'line_too_long':
        return `Linje ${w.line} har ${w.chars} tegn (høyst ${w.limit}).`;
      case 'too_short':
        return `Vises i ${w.seconds} s (minst ${w.limit} s).`;
      case 'too_long':
        return `Vises i ${w.seconds} s (høyst ${w.limit} s).`;
      case 'too_fast':
        return `${w.charsPerSecond} tegn i sekundet (høyst ${w.limit}).`;
      case 'overlaps_next':
        return `Overlapper tekstbit ${w.next + 1}.`;
    }
  },
  toolbarLabel: 'Rediger valgt tekstbit',
  split: 'Del',
  merge: 'Slå sammen med neste',
  add: 'Ny tekstbit',
  remove: 'Slett',
  play: 'Spill av tekstbiten',
  startEarlier: 'Start 0,1 s tidligere',
  startLater: 'Start 0,1 s senere',
  endEarlier: 'Slutt 0,1 s tidligere',
  endLater: 'Slutt 0,1 s senere',
  save: 'Lagre utkast',
  saving: 'Lagrer …',
  saved: 'Utkastet er lagret. Det er ikke offentlig før du godkjenner det.',
  approve: 'Godkjenn og publiser',
  approved: 'Godkjent. Avspillingssiden viser sporet innen et minutt.',
  statusDraft: 'Status: utkast (ikke offentlig)',
  statusApproved: 'Status: godkjent (offentlig)',
  unsaved: 'Endringer som ikke er lagret',
  failed: 'Det gikk ikke:',
  emptyCue: (n) => `Tekstbit ${n} er tom. Skriv tekst i den eller slett den.`,
  shortcutsHeading: 'Hurtigtaster',
  shortcuts: [
    ['Alt+S', 'del tekstbiten ved markøren og avspillingstiden'],
    ['Alt+M', 'slå sammen med neste'],
    ['Alt+N', 'ny tekstbit etter denne'],
    ['Alt+Delete', 'slett tekstbiten'],
    ['Alt+← / Alt+→', 'start 0,1 s tidligere / senere (med Shift: 1 s)'],
    ['Alt+↓ / Alt+↑', 'slutt 0,1 s tidligere / senere (med Shift: 1 s)'],
    ['Ctrl+Enter', 'spill av tekstbiten'],
    ['Ctrl+S', 'lagre utkast'],
  ],
  announce: {
    split: (n) => `Tekstbit ${n} er delt i to.`,
    merged: (n) => `Tekstbit ${n} er slått sammen med neste.`,
    added: (n) => `Tekstbit ${n} er lagt til.`,
    removed: (n) => `Tekstbit ${n} er slettet.`,
    times: (n, s, e) => `Tekstbit ${n}: ${s}–${e}.`,
  },
  tracker: {
    captions: criterion('1.2.2 Teksting: godkjent', '1.2.2 Teksting: bare utkast', '1.2.2 Teksting: mangler'),
    audioDescription: criterion(
      '1.2.5 Synstolking: oppfylt',
      '1.2.5 Synstolking: utkast, ikke godkjent',
      '1.2.5 Synstolking: ikke avklart',
    ),
    draftOf: (l) => `${l} (utkast)`,
    approvedOf: (l) => `${l} (godkjent)`,
    descriptionsOf: (l) => `synstolking på ${l}`,
    approveTrack: (w) => `Godkjenn ${w}`,
    approvedTrack: (w) => `${w} er godkjent.`,
    edit: (w) => `Rediger ${w}`,
    newCaptions: 'Skriv teksting',
    newDescriptions: 'Skriv synstolking',
    editorLanguage: 'Språk i redigereren',
    modeLabel: 'Synstolking (WCAG 1.2.5)',
    modeNone: 'Ikke avklart',
    modeSaidAloud: 'Alt som vises, blir sagt høyt',
    modeTrack: 'Eget synstolkingsspor',
    modeSave: 'Lagre valget',
    modeSaved: 'Valget for synstolking er lagret.',
  },
};

const nn: CaptionsEditorMessages = {
  ...nb,
  title: (k, l, r) => `${k === 'captions' ? 'Teksting' : 'Synstolking'} på ${l}: ${r}`,
  intro: (k) =>
    k === 'captions'
      ? 'Rett teksten, del og slå saman tekstbitar og juster tidene. Lagring gir eit utkast; tekstinga blir offentleg når du godkjenner henne.'
      : 'Skriv kva som blir vist i biletet og ikkje blir sagt. Sporet blir offentleg (som synstolking) når du godkjenner det.',
  back: 'Tilbake til opptaka',
  loading: 'Hentar …',
  noPreview: 'Opptaket har inga førehandsvising enno.',
  previewLabel: 'Førehandsvising av opptaket',
  cuesHeading: 'Tekstbitar',
  empty: 'Ingen tekstbitar enno. Legg til den første.',
  summaryNone: 'Alle tekstbitane følgjer reglane.',
  summary: (w, t) => `${w} av ${t} tekstbitar bryt ein regel.`,
  warning: (w) => {
    switch (w.code) {
      case 'too_many_lines':
        return `${w.lines} linjer (høgst ${w.limit}).`;
      case 'line_too_long':
        return `Linje ${w.line} har ${w.chars} teikn (høgst ${w.limit}).`;
      case 'too_short':
        return `Blir vist i ${w.seconds} s (minst ${w.limit} s).`;
      case 'too_long':
        return `Blir vist i ${w.seconds} s (høgst ${w.limit} s).`;
      case 'too_fast':
        return `${w.charsPerSecond} teikn i sekundet (høgst ${w.limit}).`;
      case 'overlaps_next':
        return `Overlappar tekstbit ${w.next + 1}.`;
    }
  },
  toolbarLabel: 'Rediger vald tekstbit',
  merge: 'Slå saman med neste',
  remove: 'Slett',
  play: 'Spel av tekstbiten',
  startEarlier: 'Start 0,1 s tidlegare',
  startLater: 'Start 0,1 s seinare',
  endEarlier: 'Slutt 0,1 s tidlegare',
  endLater: 'Slutt 0,1 s seinare',
  saving: 'Lagrar …',
  saved: 'Utkastet er lagra. Det er ikkje offentleg før du godkjenner det.',
  approve: 'Godkjenn og publiser',
  approved: 'Godkjent. Avspelingssida viser sporet innan eitt minutt.',
  statusDraft: 'Status: utkast (ikkje offentleg)',
  statusApproved: 'Status: godkjent (offentleg)',
  unsaved: 'Endringar som ikkje er lagra',
  failed: 'Det gjekk ikkje:',
  emptyCue: (n) => `Tekstbit ${n} er tom. Skriv tekst i han eller slett han.`,
  shortcutsHeading: 'Snarvegar',
  shortcuts: [
    ['Alt+S', 'del tekstbiten ved markøren og avspelingstida'],
    ['Alt+M', 'slå saman med neste'],
    ['Alt+N', 'ny tekstbit etter denne'],
    ['Alt+Delete', 'slett tekstbiten'],
    ['Alt+← / Alt+→', 'start 0,1 s tidlegare / seinare (med Shift: 1 s)'],
    ['Alt+↓ / Alt+↑', 'slutt 0,1 s tidlegare / seinare (med Shift: 1 s)'],
    ['Ctrl+Enter', 'spel av tekstbiten'],
    ['Ctrl+S', 'lagre utkast'],
  ],
  announce: {
    split: (n) => `Tekstbit ${n} er delt i to.`,
    merged: (n) => `Tekstbit ${n} er slått saman med neste.`,
    added: (n) => `Tekstbit ${n} er lagd til.`,
    removed: (n) => `Tekstbit ${n} er sletta.`,
    times: (n, s, e) => `Tekstbit ${n}: ${s}–${e}.`,
  },
  tracker: {
    ...nb.tracker,
    captions: criterion(
      '1.2.2 Teksting: godkjent',
      '1.2.2 Teksting: berre utkast',
      '1.2.2 Teksting: manglar',
    ),
    audioDescription: criterion(
      '1.2.5 Synstolking: oppfylt',
      '1.2.5 Synstolking: utkast, ikkje godkjent',
      '1.2.5 Synstolking: ikkje avklart',
    ),
    editorLanguage: 'Språk i redigeraren',
    modeNone: 'Ikkje avklart',
    modeSaidAloud: 'Alt som blir vist, blir sagt høgt',
    modeTrack: 'Eige synstolkingsspor',
    modeSaved: 'Valet for synstolking er lagra.',
    modeSave: 'Lagre valet',
  },
};

const en: CaptionsEditorMessages = {
  title: (k, l, r) => `${k === 'captions' ? 'Captions' : 'Audio description'} in ${l}: ${r}`,
  intro: (k) =>
    k === 'captions'
      ? 'Correct the text, split and merge cues and adjust their times. Saving makes a draft; the captions go public when you approve them.'
      : 'Describe what is shown and not said. The track goes public (as descriptions) when you approve it.',
  back: 'Back to the recordings',
  loading: 'Loading …',
  noPreview: 'The recording has no preview yet.',
  previewLabel: 'Preview of the recording',
  cuesHeading: 'Cues',
  cueLabel: (n, s, e) => `Cue ${n}, ${s}–${e}`,
  cueText: (n) => `Text of cue ${n}`,
  empty: 'No cues yet. Add the first one.',
  summaryNone: 'Every cue keeps the rules.',
  summary: (w, t) => `${w} of ${t} cues break a rule.`,
  warning: (w) => {
    switch (w.code) {
      case 'too_many_lines':
        return `${w.lines} lines (at most ${w.limit}).`;
      case 'line_too_long':
        return `Line ${w.line} has ${w.chars} characters (at most ${w.limit}).`;
      case 'too_short':
        return `Shown for ${w.seconds} s (at least ${w.limit} s).`;
      case 'too_long':
        return `Shown for ${w.seconds} s (at most ${w.limit} s).`;
      case 'too_fast':
        return `${w.charsPerSecond} characters a second (at most ${w.limit}).`;
      case 'overlaps_next':
        return `Overlaps cue ${w.next + 1}.`;
    }
  },
  toolbarLabel: 'Edit the chosen cue',
  split: 'Split',
  merge: 'Merge with next',
  add: 'New cue',
  remove: 'Delete',
  play: 'Play the cue',
  startEarlier: 'Start 0.1 s earlier',
  startLater: 'Start 0.1 s later',
  endEarlier: 'End 0.1 s earlier',
  endLater: 'End 0.1 s later',
  save: 'Save draft',
  saving: 'Saving …',
  saved: 'The draft is saved. It is not public until you approve it.',
  approve: 'Approve and publish',
  approved: 'Approved. The replay page offers the track within a minute.',
  statusDraft: 'Status: draft (not public)',
  statusApproved: 'Status: approved (public)',
  unsaved: 'Unsaved changes',
  failed: 'That did not work:',
  emptyCue: (n) => `Cue ${n} is empty. Write its text or delete it.`,
  shortcutsHeading: 'Keyboard shortcuts',
  shortcuts: [
    ['Alt+S', 'split the cue at the cursor and the playback time'],
    ['Alt+M', 'merge with the next cue'],
    ['Alt+N', 'new cue after this one'],
    ['Alt+Delete', 'delete the cue'],
    ['Alt+← / Alt+→', 'start 0.1 s earlier / later (with Shift: 1 s)'],
    ['Alt+↓ / Alt+↑', 'end 0.1 s earlier / later (with Shift: 1 s)'],
    ['Ctrl+Enter', 'play the cue'],
    ['Ctrl+S', 'save the draft'],
  ],
  announce: {
    split: (n) => `Cue ${n} is split in two.`,
    merged: (n) => `Cue ${n} is merged with the next.`,
    added: (n) => `Cue ${n} is added.`,
    removed: (n) => `Cue ${n} is deleted.`,
    times: (n, s, e) => `Cue ${n}: ${s}–${e}.`,
  },
  tracker: {
    captions: criterion('1.2.2 Captions: approved', '1.2.2 Captions: drafts only', '1.2.2 Captions: missing'),
    audioDescription: criterion(
      '1.2.5 Audio description: met',
      '1.2.5 Audio description: draft, not approved',
      '1.2.5 Audio description: not settled',
    ),
    draftOf: (l) => `${l} (draft)`,
    approvedOf: (l) => `${l} (approved)`,
    descriptionsOf: (l) => `descriptions in ${l}`,
    approveTrack: (w) => `Approve ${w}`,
    approvedTrack: (w) => `${w} is approved.`,
    edit: (w) => `Edit ${w}`,
    newCaptions: 'Write captions',
    newDescriptions: 'Write descriptions',
    editorLanguage: 'Language in the editor',
    modeLabel: 'Audio description (WCAG 1.2.5)',
    modeNone: 'Not settled',
    modeSaidAloud: 'Everything shown is said aloud',
    modeTrack: 'A description track',
    modeSave: 'Save the choice',
    modeSaved: 'The audio description choice is saved.',
  },
};

export const captionsEditorMessages: Record<Locale, CaptionsEditorMessages> = { nb, nn, en };
