import { describe, expect, it } from 'vitest';
import { readEditorKey } from './editor-keys.ts';

const key = (
  code: string,
  mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {},
  k = '',
) => ({
  key: k,
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('readEditorKey', () => {
  it('reads the documented shortcuts', () => {
    expect(readEditorKey(key('KeyS', { altKey: true }))).toEqual({ op: 'split' });
    expect(readEditorKey(key('KeyM', { altKey: true }))).toEqual({ op: 'merge' });
    expect(readEditorKey(key('Enter', { ctrlKey: true }, 'Enter'))).toEqual({ op: 'play' });
    expect(readEditorKey(key('KeyS', { ctrlKey: true }))).toEqual({ op: 'save' });
    expect(readEditorKey(key('ArrowRight', { altKey: true }))).toEqual({
      op: 'nudge',
      edge: 'start',
      deltaMs: 100,
    });
    expect(readEditorKey(key('ArrowDown', { altKey: true, shiftKey: true }))).toEqual({
      op: 'nudge',
      edge: 'end',
      deltaMs: -1_000,
    });
  });

  it('leaves plain typing, plain arrows and other Alt keys to the browser', () => {
    expect(readEditorKey(key('KeyS', {}, 's'))).toBeNull();
    expect(readEditorKey(key('ArrowLeft'))).toBeNull();
    expect(readEditorKey(key('KeyF', { altKey: true }))).toBeNull();
    expect(readEditorKey(key('Tab', {}, 'Tab'))).toBeNull();
  });
});
