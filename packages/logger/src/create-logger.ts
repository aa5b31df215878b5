import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured logs with fixed message text. Personal data (names, e-mail
 * addresses, question text) never goes into a message; the redact list is a
 * second line of defence for fields that might carry it.
 */
export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    redact: {
      // err.params: a failed query's parameters (names, e-mail addresses) travel on the database error.
      paths: ['*.email', '*.name', '*.phone', '*.token', 'email', 'token', 'authorization', 'err.params'],
      remove: true,
    },
  });
}
