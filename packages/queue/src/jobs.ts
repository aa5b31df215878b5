import { z } from 'zod';

const recordingPayload = z.object({ recordingId: z.uuid() }).strict();
const sitePayload = z.object({}).strict();
export const registrationEmailKinds = [
  'confirmation',
  'promoted',
  'event-changed',
  'event-cancelled',
  'message',
] as const;
export type RegistrationEmailKind = (typeof registrationEmailKinds)[number];
const registrationEmailPayload = z
  .object({
    registrationId: z.uuid(),
    kind: z.enum(registrationEmailKinds),
    /** For kind "message": the organiser's message, read from the database. */
    messageId: z.uuid().optional(),
  })
  .strict();
export const reminderKinds = ['24h', '1h'] as const;
export type ReminderKind = (typeof reminderKinds)[number];
const reminderPayload = z.object({ registrationId: z.uuid(), kind: z.enum(reminderKinds) }).strict();
const retentionPayload = z.object({}).strict();
const liveKitReconcilePayload = z.object({ eventId: z.uuid().optional() }).strict();
const broadcastPayload = z.object({ eventId: z.uuid() }).strict();
const staffEmailPayload = z.object({ emailId: z.uuid() }).strict();

type RecordingPayload = z.infer<typeof recordingPayload>;
/** A fixed id per recording and step (see jobIdFor). */
const perRecording = (step: string) => (p: RecordingPayload) => `${step}-${p.recordingId}`;

/**
 * Every job the worker runs, with its payload schema and, where a repeat must add nothing, its
 * job id. Payloads carry ids only: never e-mail addresses, names, tokens or signed URLs.
 */
export const jobDefinitions = {
  /** Probe the uploaded source; accept it or fail it with a reason. */
  'recording.ingest': { payload: recordingPayload, attempts: 5, jobId: perRecording('recording-ingest') },
  /** Stream-copy an H.264/AAC source into a playable single rendition and publish it. */
  'recording.quick': { payload: recordingPayload, attempts: 5, jobId: perRecording('recording-quick') },
  /** The full ladder in one decode, loudness-normalised, published over the quick version. */
  'recording.transcode': {
    payload: recordingPayload,
    attempts: 5,
    jobId: perRecording('recording-transcode'),
  },
  /**
   * Draft captions from speech after the full transcode (or on an organiser's request): the
   * configured engine in the event's language; the draft is kept private until approved.
   */
  'recording.captions-draft': {
    payload: recordingPayload,
    attempts: 3,
    jobId: perRecording('recording-captions-draft'),
  },
  /**
   * Make a new version of a published recording from its raw source with the organiser's cuts
   * (read from the database: the payload holds the id only), moving captions and chapters with
   * them. A fixed id: a trim asked for while one waits is the same trim, read when it runs.
   */
  'recording.trim': { payload: recordingPayload, attempts: 5, jobId: perRecording('recording-trim') },
  /**
   * Rewrite a published recording's replay pages after its captions changed. No fixed id: like a
   * site rebuild, one asked for while another runs must run again, since it reads newer state.
   */
  'replay.refresh': { payload: recordingPayload, attempts: 8 },
  /**
   * Write a broadcast event's live page, embed, oEmbed and `broadcast.json` from the database
   * (countdown, live, ended or held). No fixed id: one asked for while another runs reads newer state.
   */
  'broadcast.refresh': { payload: broadcastPayload, attempts: 8 },
  /**
   * After a broadcast ends: once its stream is closed as VOD, publish it as the quick replay at the
   * same address, or, where the organiser reviews first, take it off the public bucket.
   */
  'broadcast.close': {
    payload: broadcastPayload,
    attempts: 8,
    jobId: (p: z.infer<typeof broadcastPayload>) => `broadcast-close-${p.eventId}`,
  },
  /** Rewrite the archive page and the feeds of the public site. */
  'site.rebuild': { payload: sitePayload, attempts: 8 },
  /** Render one e-mail to one registrant from the database, keep it in the outbox and send it. */
  'registration.email': { payload: registrationEmailPayload, attempts: 8 },
  /** A reminder before the start; delayed, with a fixed id so a changed start time replaces it. */
  'registration.reminder': {
    payload: reminderPayload,
    attempts: 5,
    jobId: (p: z.infer<typeof reminderPayload>) => reminderJobId(p.registrationId, p.kind),
  },
  /** Send a host's, presenter's or moderator's link from the outbox, the link put in as it leaves. */
  'staff.email': {
    payload: staffEmailPayload,
    attempts: 8,
    jobId: (p: z.infer<typeof staffEmailPayload>) => `staff-email-${p.emailId}`,
  },
  /** Send a password reset link from the outbox, the link put in as it leaves. */
  'password-reset.email': {
    payload: staffEmailPayload,
    attempts: 8,
    jobId: (p: z.infer<typeof staffEmailPayload>) => `password-reset-email-${p.emailId}`,
  },
  /** Delete registrant data whose retention has ended; runs on a schedule. */
  'registration.retention': { payload: retentionPayload, attempts: 3 },
  /** Compare our recordings of live rooms with LiveKit's ListEgress and catch up on lost webhooks. */
  'livekit.reconcile': {
    payload: liveKitReconcilePayload,
    attempts: 3,
    jobId: (p: z.infer<typeof liveKitReconcilePayload>) =>
      p.eventId ? `livekit-reconcile-${p.eventId}` : undefined,
  },
} as const satisfies Record<
  string,
  // `never`: each job's id function takes its own payload, checked where it is defined.
  { payload: z.ZodType; attempts: number; jobId?: (payload: never) => string | undefined }
>;

export type JobName = keyof typeof jobDefinitions;
export type JobPayload<N extends JobName> = z.infer<(typeof jobDefinitions)[N]['payload']>;
export const jobNames = Object.keys(jobDefinitions) as JobName[];

/** One queue per job type, so a long transcode never holds up a quick publish. */
export function queueNameFor(name: JobName): string {
  return `folkemote.${name}`;
}

/**
 * A fixed job id per recording and step: enqueueing the same step twice (a
 * repeated webhook, the reconciler, a retried state change) adds nothing while
 * the first is waiting or running. Site rebuilds get none: one requested while
 * another runs must still run, since it reads newer state.
 */
export function jobIdFor<N extends JobName>(name: N, payload: JobPayload<N>): string | undefined {
  // The definition of `name` takes this payload; TypeScript cannot follow that through the index.
  const definition = jobDefinitions[name] as { jobId?: (payload: JobPayload<N>) => string | undefined };
  return definition.jobId?.(payload);
}

/** One reminder job per registration and kind: rescheduling removes it by this id and adds it again. */
export function reminderJobId(registrationId: string, kind: ReminderKind): string {
  return `registration-reminder-${kind}-${registrationId}`;
}
