import { canModerate } from './event-role.ts';
import type { QaSettings, QuestionRecord, QuestionView, QuestionViewer } from './question.ts';
import { isPublicQuestionStatus } from './question-state.ts';

/** Staff (those who may moderate) see everything; an attendee is anyone else. */
export function isQuestionStaff(viewer: QuestionViewer): boolean {
  return canModerate(viewer.role);
}

/**
 * Whether the viewer sees any question at all: with "questions at the end" the
 * presenter sees none until the Q&A starts, so the queue does not distract the talk.
 */
export function seesQuestions(viewer: QuestionViewer, settings: QaSettings): boolean {
  return !(viewer.role === 'presenter' && settings.questionsAtEnd && !settings.qaStarted);
}

/** Whether this viewer may see this question: staff all, attendees the public ones and their own. */
export function canSeeQuestion(
  question: Pick<QuestionRecord, 'status' | 'registrationId'>,
  viewer: QuestionViewer,
  settings: QaSettings,
): boolean {
  if (!seesQuestions(viewer, settings)) return false;
  if (isQuestionStaff(viewer)) return true;
  return attendeeSeesQuestion(question, viewer.registrationId);
}

/** Whether an attendee sees this question: their own and the public ones, whatever the event's settings. */
export function attendeeSeesQuestion(
  question: Pick<QuestionRecord, 'status' | 'registrationId'>,
  registrationId: string | null,
): boolean {
  if (registrationId !== null && question.registrationId === registrationId) return true;
  return isPublicQuestionStatus(question.status);
}

/**
 * A question as the viewer sees it, or null when the viewer may not see it.
 * The asker's identity of an anonymous question reaches staff only.
 */
export function viewQuestion(
  question: QuestionRecord,
  viewer: QuestionViewer,
  settings: QaSettings,
  myVote: boolean,
): QuestionView | null {
  if (!canSeeQuestion(question, viewer, settings)) return null;
  const staff = isQuestionStaff(viewer);
  const mine = viewer.registrationId !== null && question.registrationId === viewer.registrationId;
  const showAuthor = question.authorName !== null && (staff || !question.anonymous);
  const view: QuestionView = {
    id: question.id,
    status: question.status,
    text: question.text,
    anonymous: question.anonymous,
    author: showAuthor ? { name: question.authorName! } : null,
    mine,
    votes: question.votes,
    myVote,
    pinned: question.pinned,
    answer: question.answer,
    // The text as asked goes with the asker's data; that it was edited stays.
    edited: question.originalText !== null || question.editedAt !== null,
    createdAt: question.createdAt,
    highlightedAt: question.highlightedAt,
    answeredAt: question.answeredAt,
    mergedInto: question.mergedInto,
  };
  if (staff) {
    view.originalText = question.originalText;
    view.dismissedFrom = question.dismissedFrom;
  }
  return view;
}
