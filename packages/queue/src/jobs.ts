import { z } from 'zod';

const recordingPayload = z.object({ recordingId: z.uuid() }).strict();
const sitePayload = z.object({}).strict();

/**
 * Every job the worker runs, with its payload schema. Payloads carry ids only:
 * never e-mail addresses, names, tokens or signed URLs.
 */
export const jobDefinitions = {
  /** Probe the uploaded source; accept it or fail it with a reason. */
  'recording.ingest': { payload: recordingPayload, attempts: 5 },
  /** Stream-copy an H.264/AAC source into a playable single rendition and publish it. */
  'recording.quick': { payload: recordingPayload, attempts: 5 },
  /** The full ladder in one decode, loudness-normalised, published over the quick version. */
  'recording.transcode': { payload: recordingPayload, attempts: 5 },
  /** Rewrite the archive page and the feeds of the public site. */
  'site.rebuild': { payload: sitePayload, attempts: 8 },
} as const satisfies Record<string, { payload: z.ZodType; attempts: number }>;

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
  if (!('recordingId' in payload)) return undefined;
  return `${name.replace('.', '-')}-${(payload as { recordingId: string }).recordingId}`;
}
