import { describe, expect, it } from 'vitest';
import { personalLinkUrl } from './join-token.ts';
import { buildCalendarInvitation } from './mail/ics.ts';
import { redactedPersonalLink, withPersonalLink } from './personal-link-in-mail.ts';

const appUrl = 'https://folkemote.example.no';
const token = 'Ab3_-xYz0123456789abcdefghijklmnopqrstuvwxy';

/** A message as the e-mail jobs render it, around `link`, its description `pad` characters longer. */
function messageWith(link: string, pad: number) {
  const description = `Åse ${'a'.repeat(pad)}\n\nDin personlige lenke: ${link}`;
  return {
    text: `Hei!\n\nDin personlige lenke:\n${link}\n\nMeld deg av:\n${link}#cancel\n`,
    ics: buildCalendarInvitation({
      method: 'REQUEST',
      uid: 'event-1@folkemote.example.no',
      sequence: 0,
      startsAt: new Date('2027-01-20T08:00:00Z'),
      endsAt: new Date('2027-01-20T09:00:00Z'),
      stampedAt: new Date('2026-11-23T10:00:00Z'),
      summary: 'Webinar',
      description,
      location: link,
      url: link,
      organiser: { name: 'Kontakt', email: 'kontakt@example.no' },
      attendee: { name: 'Åse Øvrebø', email: 'ase@example.no' },
      language: 'nb',
    }),
  };
}

describe('the personal link in an e-mail at rest', () => {
  it('holds no token, only the app’s address', () => {
    const atRest = messageWith(redactedPersonalLink(appUrl), 0);
    expect(atRest.text).toContain(`${appUrl}/p/`);
    expect(atRest.text).not.toMatch(/\/p\/[\w-]{43}/);
    expect(atRest.ics.replace(/\r\n /g, '')).not.toMatch(/\/p\/[\w-]{43}/);
  });

  it('is put back exactly as a message rendered with the link has it, wherever the calendar folds it', () => {
    // Every offset of the link against the 75-octet folds, multi-byte characters before it included.
    for (let pad = 0; pad < 80; pad++) {
      const restored = withPersonalLink(messageWith(redactedPersonalLink(appUrl), pad), token);
      expect(restored).toEqual(messageWith(personalLinkUrl(appUrl, token), pad));
    }
  });

  it('leaves a message without a calendar file, or without the link, as it was', () => {
    expect(withPersonalLink({ text: 'Ingen lenke her.', ics: null }, token)).toEqual({
      text: 'Ingen lenke her.',
      ics: null,
    });
  });
});
