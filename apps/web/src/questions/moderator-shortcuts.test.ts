import { describe, expect, it } from 'vitest';
import { moveFocusIndex, readShortcut, type ShortcutKeyEvent } from './moderator-shortcuts.ts';

const press = (key: string, target: ShortcutKeyEvent['target'] = { tagName: 'ARTICLE' }, mods = {}) =>
  readShortcut({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...mods });

describe('readShortcut', () => {
  it('maps the documented keys, either case', () => {
    expect(press('j')).toBe('next');
    expect(press('k')).toBe('previous');
    expect(press('a')).toBe('approve');
    expect(press('H')).toBe('highlight');
    expect(press('d')).toBe('dismiss');
    expect(press('m')).toBe('answered');
    expect(press('p')).toBe('pin');
    expect(press('x')).toBe('select');
    expect(press('q')).toBeNull();
    expect(press('Enter')).toBeNull();
  });

  it('never takes a key typed into a field', () => {
    expect(press('d', { tagName: 'TEXTAREA' })).toBeNull();
    expect(press('d', { tagName: 'INPUT', type: 'text' })).toBeNull();
    expect(press('d', { tagName: 'INPUT', type: 'search' })).toBeNull();
    expect(press('d', { tagName: 'SELECT' })).toBeNull();
    expect(press('d', { tagName: 'DIV', isContentEditable: true })).toBeNull();
    // A checkbox or a button is not typing.
    expect(press('d', { tagName: 'INPUT', type: 'checkbox' })).toBe('dismiss');
    expect(press('d', { tagName: 'BUTTON' })).toBe('dismiss');
  });

  it('leaves keys with modifiers to the browser', () => {
    expect(press('a', undefined, { ctrlKey: true })).toBeNull();
    expect(press('k', undefined, { metaKey: true })).toBeNull();
    expect(press('d', undefined, { altKey: true })).toBeNull();
  });
});

describe('moveFocusIndex', () => {
  it('moves one step and stays inside the list', () => {
    expect(moveFocusIndex(-1, 3, 'next')).toBe(0);
    expect(moveFocusIndex(-1, 3, 'previous')).toBe(2);
    expect(moveFocusIndex(0, 3, 'next')).toBe(1);
    expect(moveFocusIndex(2, 3, 'next')).toBe(2);
    expect(moveFocusIndex(0, 3, 'previous')).toBe(0);
    expect(moveFocusIndex(0, 0, 'next')).toBe(-1);
  });
});
