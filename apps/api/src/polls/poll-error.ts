import { Refusal } from '../http-errors.ts';

/** A refusal of the polls', answered by the server's error handler like every Refusal. */
export class PollError extends Refusal {
  override name = 'PollError';
}

export const pollNotFound = () => new PollError(404, 'poll_not_found', 'No poll with that id in this event');
