import { describe, expect, it } from 'vitest';
import { defaultQaSettings, type QuestionRecord } from './question.ts';
import { viewQuestion } from './question-view.ts';

const record = (over: Partial<QuestionRecord> = {}): QuestionRecord => ({
  id: 'q1',
  eventId: 'e1',
  registrationId: 'r1',
  authorName: 'Kari Nordmann',
  status: 'live',
  text: 'Hva koster det?',
  originalText: null,
  anonymous: false,
  pinned: false,
  answer: null,
  votes: 2,
  dismissedFrom: null,
  mergedInto: null,
  createdAt: '2027-03-10T10:00:00.000Z',
  editedAt: null,
  highlightedAt: null,
  answeredAt: null,
  ...over,
});
const attendee = { role: 'attendee' as const, registrationId: 'r2' };
const asker = { role: 'attendee' as const, registrationId: 'r1' };
const moderator = { role: 'moderator' as const, registrationId: null };
const presenter = { role: 'presenter' as const, registrationId: null };

describe('viewQuestion', () => {
  it('hides other people’s pending and dismissed questions from attendees, but shows one’s own', () => {
    for (const status of ['pending', 'dismissed', 'merged'] as const) {
      expect(viewQuestion(record({ status }), attendee, defaultQaSettings, false)).toBeNull();
      expect(viewQuestion(record({ status }), asker, defaultQaSettings, false)).toMatchObject({
        status,
        mine: true,
      });
      expect(viewQuestion(record({ status }), moderator, defaultQaSettings, false)).toMatchObject({ status });
    }
  });

  it('keeps the asker of an anonymous question from the audience, not from moderators', () => {
    const anonymous = record({ anonymous: true });
    expect(viewQuestion(anonymous, attendee, defaultQaSettings, false)?.author).toBeNull();
    expect(viewQuestion(anonymous, asker, defaultQaSettings, false)?.author).toBeNull();
    expect(viewQuestion(anonymous, moderator, defaultQaSettings, false)?.author).toEqual({
      name: 'Kari Nordmann',
    });
    expect(viewQuestion(record(), attendee, defaultQaSettings, true)).toMatchObject({
      author: { name: 'Kari Nordmann' },
      myVote: true,
      mine: false,
    });
  });

  it('shows the original text of an edited question to staff only', () => {
    const edited = record({ text: 'Hva koster det?', originalText: 'Hva kster det' });
    const forAttendee = viewQuestion(edited, attendee, defaultQaSettings, false)!;
    expect(forAttendee.edited).toBe(true);
    expect('originalText' in forAttendee).toBe(false);
    expect(viewQuestion(edited, moderator, defaultQaSettings, false)?.originalText).toBe('Hva kster det');
  });

  it('still marks a question edited once the text as asked is deleted with the asker’s data', () => {
    const kept = record({ registrationId: null, authorName: null, editedAt: '2027-03-10T10:05:00.000Z' });
    expect(viewQuestion(kept, attendee, defaultQaSettings, false)).toMatchObject({
      edited: true,
      author: null,
    });
    expect(viewQuestion(kept, moderator, defaultQaSettings, false)).toMatchObject({
      edited: true,
      originalText: null,
    });
    expect(viewQuestion(record(), attendee, defaultQaSettings, false)?.edited).toBe(false);
  });

  it('shows the presenter nothing before the Q&A starts when questions are kept for the end', () => {
    const atEnd = { ...defaultQaSettings, questionsAtEnd: true };
    expect(viewQuestion(record(), presenter, atEnd, false)).toBeNull();
    expect(viewQuestion(record(), moderator, atEnd, false)).not.toBeNull();
    expect(viewQuestion(record(), attendee, atEnd, false)).not.toBeNull();
    expect(viewQuestion(record(), presenter, { ...atEnd, qaStarted: true }, false)).not.toBeNull();
  });
});
