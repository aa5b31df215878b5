export type ShortcutCommand =
  | 'next'
  | 'previous'
  | 'approve'
  | 'highlight'
  | 'answered'
  | 'dismiss'
  | 'pin'
  | 'select';

/** The keys of the moderator view, in the order the page lists them. */
export const moderatorShortcuts: readonly { key: string; command: ShortcutCommand }[] = [
  { key: 'j', command: 'next' },
  { key: 'k', command: 'previous' },
  { key: 'a', command: 'approve' },
  { key: 'h', command: 'highlight' },
  { key: 'm', command: 'answered' },
  { key: 'd', command: 'dismiss' },
  { key: 'p', command: 'pin' },
  { key: 'x', command: 'select' },
];

const byKey = new Map(moderatorShortcuts.map((s) => [s.key, s.command]));

export interface ShortcutKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element the key went to. */
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'time',
  'month',
  'week',
]);

/**
 * The command a key press means, or null. A key typed into a field is never
 * taken (someone fixing a typo must be able to type "d"), nor one held with
 * Ctrl, Alt or Cmd (those belong to the browser and assistive technology).
 */
export function readShortcut(event: ShortcutKeyEvent): ShortcutCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTyping(event.target)) return null;
  return byKey.get(event.key.length === 1 ? event.key.toLowerCase() : '') ?? null;
}

function isTyping(target: ShortcutKeyEvent['target']): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((target.type ?? 'text').toLowerCase());
  return false;
}

/** The position focus moves to from `current` in a list of `count`, staying inside it. */
export function moveFocusIndex(current: number, count: number, command: 'next' | 'previous'): number {
  if (count === 0) return -1;
  if (current < 0) return command === 'next' ? 0 : count - 1;
  return Math.max(0, Math.min(count - 1, current + (command === 'next' ? 1 : -1)));
}
