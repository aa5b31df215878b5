import { deliverPasswordReset } from '@folkemote/registration';
import type { JobModule } from '../job-handler.ts';

/** A password reset link from the outbox; the link is derived and put in only as it leaves. */
export const passwordResetEmail: JobModule<'password-reset.email'> = {
  name: 'password-reset.email',
  async handle(deps, payload) {
    const outcome = await deliverPasswordReset({ db: deps.db, mail: deps.mail }, payload.emailId);
    deps.log.info({ outcome }, 'password reset e-mail handled');
  },
};
