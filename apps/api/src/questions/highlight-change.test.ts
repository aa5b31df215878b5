import type { NewQuestionChange } from '@folkemote/db';
import type { QuestionRecord, QuestionStatus } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { changesHighlight } from './highlight-change.ts';

const question = (status: QuestionStatus) => ({ id: 'q1', status }) as QuestionRecord;
const change = (
  kind: NewQuestionChange['kind'],
  status: QuestionStatus | null,
  fromStatus?: QuestionStatus,
): NewQuestionChange => ({ kind, question: status ? question(status) : null, fromStatus });

describe('changesHighlight', () => {
  it('is true when a question becomes highlighted or leaves it', () => {
    expect(changesHighlight([change('status', 'highlighted', 'live')])).toBe(true);
    expect(changesHighlight([change('status', 'answered', 'highlighted')])).toBe(true);
    expect(changesHighlight([change('deleted', null, 'highlighted')])).toBe(true);
    expect(changesHighlight([change('merged', 'merged', 'highlighted')])).toBe(true);
  });

  it('is true when the highlighted question is reworded', () => {
    expect(changesHighlight([change('edited', 'highlighted')])).toBe(true);
  });

  it('is false for votes and pins of the highlighted question, and for other questions', () => {
    expect(changesHighlight([change('voted', 'highlighted')])).toBe(false);
    expect(changesHighlight([change('pinned', 'highlighted')])).toBe(false);
    expect(changesHighlight([change('status', 'live', 'pending'), change('asked', 'pending')])).toBe(false);
  });
});
