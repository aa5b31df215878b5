import { describe, expect, it } from 'vitest';
import { matchRoute } from './routes.ts';

describe('matchRoute', () => {
  it('finds each page, with or without a trailing slash', () => {
    expect(matchRoute('/')).toBe('home');
    expect(matchRoute('/organiser/recordings')).toBe('recordings');
    expect(matchRoute('/organiser/recordings/')).toBe('recordings');
    expect(matchRoute('/tilgjengelighet')).toBe('accessibility');
  });

  it('answers notFound for anything else', () => {
    expect(matchRoute('/organiser')).toBe('notFound');
    expect(matchRoute('/api/recordings')).toBe('notFound');
  });
});
