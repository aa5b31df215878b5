import { describe, expect, it } from 'vitest';
import { initialPublication, isPubliclyVisible } from './recording-publication.ts';

describe('recording publication', () => {
  it('holds a new recording for review unless its event publishes automatically', () => {
    expect(initialPublication(false)).toBe('held');
    expect(initialPublication(true)).toBe('public');
  });

  it('is public only when processed and published', () => {
    expect(isPubliclyVisible('published', 'public')).toBe(true);
    expect(isPubliclyVisible('quick_published', 'public')).toBe(true);
    expect(isPubliclyVisible('published', 'held')).toBe(false);
    expect(isPubliclyVisible('published', 'unpublished')).toBe(false);
    expect(isPubliclyVisible('processing', 'public')).toBe(false);
  });
});
