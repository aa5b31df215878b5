import { describe, expect, it } from 'vitest';
import { qaScreenHref, qaScreensFor } from './questions-links.tsx';

describe('the links from the room to the Q&A screens', () => {
  it('gives hosts and moderators the console, every staff role the presenter screen, attendees neither', () => {
    expect(qaScreensFor('host')).toEqual({ moderator: true, presenter: true });
    expect(qaScreensFor('moderator')).toEqual({ moderator: true, presenter: true });
    expect(qaScreensFor('presenter')).toEqual({ moderator: false, presenter: true });
    expect(qaScreensFor('attendee')).toEqual({ moderator: false, presenter: false });
  });

  it('carries a staff link token in the fragment, and nothing for a signed-in organiser', () => {
    const token = `fmp_${'a'.repeat(43)}`;
    expect(qaScreenHref('/arrangement/x/moderator?lang=nn', { kind: 'token', token })).toBe(
      `/arrangement/x/moderator?lang=nn#${token}`,
    );
    expect(qaScreenHref('/arrangement/x/moderator', { kind: 'session' })).toBe('/arrangement/x/moderator');
  });
});
