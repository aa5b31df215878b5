import { deliverRegistrationEmail } from '@folkemote/registration';
import type { JobModule } from '../job-handler.ts';

/** One e-mail to one registrant, rendered from the database at send time; a retry sends nothing twice. */
export const registrationEmail: JobModule<'registration.email'> = {
  name: 'registration.email',
  async handle(deps, payload, ctx) {
    const outcome = await deliverRegistrationEmail(
      { db: deps.db, mail: deps.mail, publicAppUrl: deps.config.publicAppUrl },
      {
        registrationId: payload.registrationId,
        occasion: payload.kind,
        messageId: payload.messageId,
        jobKey: ctx.jobKey,
      },
    );
    deps.log.info({ kind: payload.kind, outcome }, 'registration e-mail handled');
  },
};
