/** A refusal the routes answer as it is: a status, a stable code and a sentence a person can read. */
export class QuestionError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 429,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'QuestionError';
  }
}

export const questionNotFound = () =>
  new QuestionError(404, 'question_not_found', 'No question with that id in this event');
