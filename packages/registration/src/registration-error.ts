import type { RegistrationRefusal } from '@folkemote/domain';

export type RegistrationErrorCode =
  | RegistrationRefusal
  | 'event_not_found'
  | 'invalid_link'
  | 'invalid_answers';

const statusFor: Record<RegistrationErrorCode, number> = {
  event_not_published: 404,
  event_not_found: 404,
  invalid_link: 404,
  invalid_answers: 400,
  event_cancelled: 409,
  registration_not_open: 409,
  registration_closed: 409,
  event_over: 409,
  event_full: 409,
  room_full: 409,
};

/** A refusal the API answers with its HTTP status, a stable code and a sentence a person can read. */
export class RegistrationError extends Error {
  readonly status: number;
  constructor(
    readonly code: RegistrationErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'RegistrationError';
    this.status = statusFor[code];
  }
}
