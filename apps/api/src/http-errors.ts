import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/** Every error the API answers has this shape, with a stable code and a sentence a person can read. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string[]>;
    /** The specifics, for a client to say the error in its own language (the message is English). */
    params?: Record<string, string | number>;
  };
}

export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string[]>,
  params?: Record<string, string | number>,
) {
  const body: ApiErrorBody = {
    error: { code, message, ...(fields ? { fields } : {}), ...(params ? { params } : {}) },
  };
  return reply.code(status).send(body);
}

/** A 400 that names each bad field and what is wrong with it. */
export function sendValidationError(reply: FastifyReply, error: z.ZodError) {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '(body)';
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  return sendError(reply, 400, 'invalid_input', 'Some fields are missing or invalid', fields);
}

/**
 * A refusal a route answers as it is: a status, a stable code and a sentence a person can read.
 * Thrown from anywhere below a route, the server's error handler sends it (see build-server.ts).
 */
export class Refusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 429,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
