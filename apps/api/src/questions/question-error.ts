import { Refusal } from '../http-errors.ts';

/** A refusal of the Q&A's, answered by the server's error handler like every Refusal. */
export class QuestionError extends Refusal {
  override name = 'QuestionError';
}

export const questionNotFound = () =>
  new QuestionError(404, 'question_not_found', 'No question with that id in this event');
