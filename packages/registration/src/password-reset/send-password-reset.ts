import {
  type Database,
  findOutboundEmail,
  findPasswordResetById,
  insertOutboundEmail,
  markOutboundEmail,
} from '@folkemote/db';
import type { Locale } from '@folkemote/domain';
import type { JobQueues } from '@folkemote/queue';
import type { MailSender } from '../mail/mail-sender.ts';
import { withLinkInMail } from '../personal-link-in-mail.ts';
import { passwordResetTexts } from './password-reset-texts.ts';
import { passwordResetTokenFor, passwordResetUrl, redactedResetToken } from './password-reset-token.ts';

/** The reset message, plain text, with the link as given (redacted at rest). */
export function renderPasswordReset(input: { displayName: string; link: string; language: Locale }) {
  const t = passwordResetTexts[input.language];
  const text = [t.greeting(input.displayName), '', t.lead, input.link, '', t.expires, '', t.ignore].join(
    '\n',
  );
  return { subject: t.subject, text };
}

/**
 * Puts a reset link's message in the outbox (its link redacted) and hands it to the e-mail job,
 * whose payload carries the message's id only.
 */
export async function sendPasswordReset(
  deps: { db: Database; queues: Pick<JobQueues, 'enqueue'>; publicAppUrl: string },
  input: { resetId: string; to: string; displayName: string; language: Locale },
): Promise<void> {
  const rendered = renderPasswordReset({
    displayName: input.displayName,
    link: passwordResetUrl(deps.publicAppUrl, redactedResetToken, input.language),
    language: input.language,
  });
  const email = await insertOutboundEmail(deps.db, {
    eventId: null,
    registrationId: null,
    passwordResetId: input.resetId,
    kind: 'password-reset',
    dedupeKey: `password-reset-${input.resetId}`,
    to: input.to,
    subject: rendered.subject,
    text: rendered.text,
    ics: null,
  });
  await deps.queues.enqueue('password-reset.email', { emailId: email.id });
}

export type PasswordResetOutcome = 'sent' | 'stored' | 'skipped';

/**
 * The e-mail job's half: sends a reset message from the outbox with the link derived and put in
 * only now. Without SMTP the message stays in the outbox (redacted). A used or expired link is not sent.
 */
export async function deliverPasswordReset(
  deps: { db: Database; mail: MailSender },
  emailId: string,
  now = new Date(),
): Promise<PasswordResetOutcome> {
  const email = await findOutboundEmail(deps.db, emailId);
  if (!email?.passwordResetId) return 'skipped';
  if (email.status === 'sent' || email.status === 'stored') return email.status;
  const reset = await findPasswordResetById(deps.db, email.passwordResetId);
  if (!reset || reset.usedAt || new Date(reset.expiresAt) <= now) return 'skipped';
  if (deps.mail.kind === 'outbox') {
    await markOutboundEmail(deps.db, email.id, 'stored');
    return 'stored';
  }
  const token = await passwordResetTokenFor(deps.db, reset.id);
  const { text } = withLinkInMail(email, `#${redactedResetToken}`, `#${token}`);
  try {
    await deps.mail.send({ to: email.to, subject: email.subject, text, ics: null, icsMethod: null });
  } catch (err) {
    await markOutboundEmail(deps.db, email.id, 'failed', (err as Error).message.slice(0, 500));
    throw err;
  }
  await markOutboundEmail(deps.db, email.id, 'sent');
  return 'sent';
}
