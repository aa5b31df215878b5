import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages.ts';
import { formatEta } from './format-eta.ts';

const { nb, nn, en } = messages;

describe('formatEta', () => {
  it('says the time is unknown until there is an estimate', () => {
    expect(formatEta(null, nb)).toBe('beregner tid igjen');
    expect(formatEta(null, en)).toBe('estimating time left');
  });

  it('rounds to whole minutes in each language', () => {
    expect(formatEta(65, nb)).toBe('om lag 1 min igjen');
    expect(formatEta(150, nn)).toBe('om lag 3 min att');
    expect(formatEta(29 * 60 + 40, en)).toBe('about 30 min left');
  });

  it('says "under a minute" rather than counting seconds', () => {
    expect(formatEta(0, nb)).toBe('under 1 min igjen');
    expect(formatEta(59, en)).toBe('less than 1 min left');
  });

  it('switches to hours and minutes from one hour', () => {
    expect(formatEta(3600, nb)).toBe('om lag 1 t 0 min igjen');
    expect(formatEta(2 * 3600 + 15 * 60, en)).toBe('about 2 h 15 min left');
    expect(formatEta(59 * 60 + 50, nn)).toBe('om lag 1 t 0 min att');
  });
});
