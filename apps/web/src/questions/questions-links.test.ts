import { describe, expect, it } from 'vitest';
import { questionsScreenHref, questionsScreensFor } from './questions-links.tsx';

describe('the links from the room to the Q&A screens', () => {
  it('gives hosts and moderators the console, every staff role the presenter screen, attendees neither', () => {
    expect(questionsScreensFor('host')).toEqual({ moderator: true, presenter: true });
    expect(questionsScreensFor('moderator')).toEqual({ moderator: true, presenter: true });
    expect(questionsScreensFor('presenter')).toEqual({ moderator: false, presenter: true });
    expect(questionsScreensFor('attendee')).toEqual({ moderator: false, presenter: false });
  });

  it('carries a staff link token in the fragment, and nothing for a signed-in organiser', () => {
    const token = `fmp_${'a'.repeat(43)}`;
    expect(questionsScreenHref('/arrangement/x/moderator?lang=nn', { kind: 'token', token })).toBe(
      `/arrangement/x/moderator?lang=nn#${token}`,
    );
    expect(questionsScreenHref('/arrangement/x/moderator', { kind: 'session' })).toBe(
      '/arrangement/x/moderator',
    );
  });
});
