import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  ics: string | null;
  icsMethod: 'REQUEST' | 'CANCEL' | null;
}

/** Sends over SMTP; without one configured the outbox is the destination and nothing leaves. */
export interface MailSender {
  readonly kind: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailSender(settings: { smtpUrl: string | null; from: string }): MailSender {
  if (!settings.smtpUrl) return { kind: 'outbox', async send() {}, close() {} };
  const transport = nodemailer.createTransport(settings.smtpUrl);
  return {
    kind: 'smtp',
    async send(message) {
      await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.ics && message.icsMethod
          ? {
              // Both forms: as a calendar part mail clients offer to accept, and as a file to open.
              icalEvent: { method: message.icsMethod, content: message.ics, filename: 'invitation.ics' },
            }
          : {}),
      });
    },
    close() {
      transport.close();
    },
  };
}
