import { deliverRegistrationEmail } from '@folkemote/registration';
import type { JobModule } from '../job-handler.ts';

/** The 24-hour or 1-hour reminder; skipped when the registration or the start time has changed since. */
export const registrationReminder: JobModule<'registration.reminder'> = {
  name: 'registration.reminder',
  async handle(deps, payload, ctx) {
    const outcome = await deliverRegistrationEmail(
      { db: deps.db, mail: deps.mail, publicAppUrl: deps.config.publicAppUrl },
      { registrationId: payload.registrationId, occasion: `reminder-${payload.kind}`, jobKey: ctx.jobKey },
    );
    deps.log.info({ kind: payload.kind, outcome }, 'registration reminder handled');
  },
};
