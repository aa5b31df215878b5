import { locales } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { liveMessages, translateLive } from './live-messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('live page messages', () => {
  it('has every key, non-empty and with the same placeholders, in bokmål, nynorsk and English', () => {
    const keys = Object.keys(liveMessages.nb).sort() as Array<keyof typeof liveMessages.nb>;
    for (const locale of locales) {
      expect(Object.keys(liveMessages[locale]).sort()).toEqual(keys);
      for (const key of keys) {
        expect(liveMessages[locale][key].trim(), `${locale}.${key}`).not.toBe('');
        expect(placeholders(liveMessages[locale][key]), `${locale}.${key}`).toEqual(
          placeholders(liveMessages.nb[key]),
        );
      }
    }
  });

  it('says how far behind live in each language', () => {
    expect(translateLive('nb', 'behindLive', { seconds: 12 })).toBe('12 s bak direkte');
    expect(translateLive('en', 'behindLive', { seconds: 12 })).toBe('12 s behind live');
    expect(translateLive('nn', 'heldNotice')).toContain('Sendinga er over');
    expect(translateLive('en', 'liveBadge')).toBe('LIVE');
  });
});
