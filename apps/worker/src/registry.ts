import { type JobName, jobNames } from '@folkemote/queue';
import type { JobRegistry } from './job-handler.ts';
import { broadcastClose } from './jobs/broadcast-close.ts';
import { broadcastRefresh } from './jobs/broadcast-refresh.ts';
import { livekitReconcile } from './jobs/livekit-reconcile.ts';
import { passwordResetEmail } from './jobs/password-reset-email.ts';
import { recordingCaptionsDraft } from './jobs/recording-captions-draft.ts';
import { recordingIngest } from './jobs/recording-ingest.ts';
import { recordingQuick } from './jobs/recording-quick.ts';
import { recordingTranscode } from './jobs/recording-transcode.ts';
import { recordingTrim } from './jobs/recording-trim.ts';
import { registrationEmail } from './jobs/registration-email.ts';
import { registrationReminder } from './jobs/registration-reminder.ts';
import { registrationRetention } from './jobs/registration-retention.ts';
import { replayRefresh } from './jobs/replay-refresh.ts';
import { siteRebuild } from './jobs/site-rebuild.ts';
import { staffEmail } from './jobs/staff-email.ts';

export const jobRegistry: JobRegistry = {
  'recording.ingest': recordingIngest,
  'recording.quick': recordingQuick,
  'recording.transcode': recordingTranscode,
  'recording.captions-draft': recordingCaptionsDraft,
  'recording.trim': recordingTrim,
  'replay.refresh': replayRefresh,
  'site.rebuild': siteRebuild,
  'broadcast.refresh': broadcastRefresh,
  'broadcast.close': broadcastClose,
  'registration.email': registrationEmail,
  'registration.reminder': registrationReminder,
  'registration.retention': registrationRetention,
  'livekit.reconcile': livekitReconcile,
  'staff.email': staffEmail,
  'password-reset.email': passwordResetEmail,
};

/** Start-up check, for what the compiler cannot see (a module registered under the wrong key). */
export function assertRegistryComplete(registry: JobRegistry = jobRegistry): void {
  for (const name of jobNames) {
    if (registry[name as JobName]?.name !== name) throw new Error(`No handler registered for job ${name}`);
  }
}
