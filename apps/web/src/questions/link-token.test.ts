import { describe, expect, it } from 'vitest';
import { takeLinkToken } from './link-token.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

const staffToken = `fmp_${'a'.repeat(43)}`;

describe('takeLinkToken', () => {
  it('moves a token from the fragment to storage and out of the address bar', () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    const auth = takeLinkToken('moderator', 'webinar-1', {
      hash: `#${staffToken}`,
      pathname: '/arrangement/webinar-1/moderator',
      search: '?lang=nn',
      storage,
      replaceUrl: (url) => replaced.push(url),
    });
    expect(auth).toEqual({ kind: 'token', token: staffToken });
    expect(storage.data.get('folkemote:moderator:webinar-1')).toBe(staffToken);
    expect(replaced).toEqual(['/arrangement/webinar-1/moderator?lang=nn']);
  });

  it('uses the stored token after a reload, per view and event', () => {
    const storage = memoryStorage({ 'folkemote:moderator:webinar-1': staffToken });
    const place = { hash: '', pathname: '/x', search: '', storage, replaceUrl: () => {} };
    expect(takeLinkToken('moderator', 'webinar-1', place)).toEqual({ kind: 'token', token: staffToken });
    expect(takeLinkToken('presenter', 'webinar-1', place)).toEqual({ kind: 'session' });
    expect(takeLinkToken('moderator', 'webinar-2', place)).toEqual({ kind: 'session' });
  });

  it('ignores a fragment that is not a token, and falls back to the session', () => {
    const replaced: string[] = [];
    const auth = takeLinkToken('presenter', 's', {
      hash: '#main',
      pathname: '/p',
      search: '',
      storage: memoryStorage(),
      replaceUrl: (url) => replaced.push(url),
    });
    expect(auth).toEqual({ kind: 'session' });
    expect(replaced).toEqual([]);
  });

  it('still works when storage refuses', () => {
    const storage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    const token = 'b'.repeat(43);
    const place = { hash: `#${token}`, pathname: '/p', search: '', storage, replaceUrl: () => {} };
    expect(takeLinkToken('room', 's', place)).toEqual({ kind: 'token', token });
    expect(takeLinkToken('room', 's', { ...place, hash: '' })).toEqual({ kind: 'session' });
  });
});
