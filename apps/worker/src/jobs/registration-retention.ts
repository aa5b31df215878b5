import { purgeExpiredRegistrantData } from '@folkemote/registration';
import type { JobModule } from '../job-handler.ts';

/** Deletes registrant data whose retention has ended; the counts stay. Runs on a schedule. */
export const registrationRetention: JobModule<'registration.retention'> = {
  name: 'registration.retention',
  async handle(deps) {
    const purged = await purgeExpiredRegistrantData(deps);
    if (purged.events > 0) deps.log.info(purged, 'registrant data deleted after retention');
  },
};
