import { locales } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { messages, translate, translateCount } from './messages.ts';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('messages', () => {
  it('has every key, non-empty, in bokmål, nynorsk and English', () => {
    const keys = Object.keys(messages.nb).sort();
    for (const locale of locales) {
      expect(Object.keys(messages[locale]).sort()).toEqual(keys);
      for (const key of keys) expect(messages[locale][key as keyof typeof messages.nb].trim()).not.toBe('');
    }
  });

  it('uses the same placeholders in every language', () => {
    for (const key of Object.keys(messages.nb) as Array<keyof typeof messages.nb>) {
      const expected = placeholders(messages.nb[key]);
      expect(placeholders(messages.nn[key]), key).toEqual(expected);
      expect(placeholders(messages.en[key]), key).toEqual(expected);
    }
  });

  it('really is nynorsk where nynorsk differs from bokmål', () => {
    expect(translate('nn', 'skipToContent')).toBe('Hopp til hovudinnhaldet');
    expect(translate('nb', 'skipToContent')).toBe('Hopp til hovedinnholdet');
    expect(translate('nn', 'duration')).toBe('Lengd');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'playerTitle', { title: 'Budget' })).toBe('Video player: Budget');
    expect(translate('en', 'playerTitle')).toBe('Video player: {title}');
  });

  it('picks singular and plural forms', () => {
    expect(translateCount('nb', 'hours', 1)).toBe('1 time');
    expect(translateCount('nb', 'hours', 2)).toBe('2 timer');
    expect(translateCount('nn', 'hours', 2)).toBe('2 timar');
    expect(translateCount('en', 'archiveCount', 1)).toBe('1 recording');
    expect(translateCount('en', 'archiveCount', 1200)).toBe('1,200 recordings');
  });
});
