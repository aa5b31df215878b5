import { RegistrationError } from '@folkemote/registration';
import type { FastifyReply } from 'fastify';
import { sendError } from '../http-errors.ts';

/** Answers a refusal from the registration functions; anything else is a real failure and is rethrown. */
export function sendRegistrationError(reply: FastifyReply, err: unknown) {
  if (err instanceof RegistrationError)
    return sendError(reply, err.status, err.code, err.message, err.fields);
  throw err;
}
