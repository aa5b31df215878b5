import { deliverStaffInvite } from '@folkemote/registration';
import type { JobModule } from '../job-handler.ts';

/** A staff link's invitation from the outbox; the link is derived and put in only as it leaves. */
export const staffEmail: JobModule<'staff.email'> = {
  name: 'staff.email',
  async handle(deps, payload) {
    const outcome = await deliverStaffInvite({ db: deps.db, mail: deps.mail }, payload.emailId);
    deps.log.info({ outcome }, 'staff invitation handled');
  },
};
