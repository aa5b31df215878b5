import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition, InvalidTransitionError, isPlayable } from './recording-state.ts';

describe('recording state machine', () => {
  it('moves a recording from upload to publication', () => {
    expect(canTransition('uploaded', 'processing')).toBe(true);
    expect(canTransition('processing', 'quick_published')).toBe(true);
    expect(canTransition('quick_published', 'published')).toBe(true);
  });

  it('refuses to skip processing or to leave failed except by a retry', () => {
    expect(canTransition('uploaded', 'published')).toBe(false);
    expect(canTransition('failed', 'published')).toBe(false);
    expect(canTransition('failed', 'uploaded')).toBe(true);
    expect(() => assertTransition('uploaded', 'published')).toThrow(InvalidTransitionError);
  });

  it('says which states a viewer can play', () => {
    expect(isPlayable('quick_published')).toBe(true);
    expect(isPlayable('published')).toBe(true);
    expect(isPlayable('processing')).toBe(false);
  });
});
