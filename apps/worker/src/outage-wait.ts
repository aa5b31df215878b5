import { checkS3 } from '@folkemote/storage';
import type { WorkerDeps } from './deps.ts';

/**
 * What the worker cannot do without, checked when a job fails: S3 and the database. A job that
 * failed while one of them was away failed for that, not for its recording; it waits for it to
 * come back instead of spending its attempts (five attempts are gone within a minute), so an
 * outage of the store or a database restart ends with the recording published, not failed.
 * Null when both answer.
 */
export async function findDependencyAway(
  deps: Pick<WorkerDeps, 'db' | 's3' | 's3Settings'>,
): Promise<string | null> {
  const [database, s3] = await Promise.all([
    deps.db.ping().then(
      () => null,
      (err: Error) => `the database does not answer (${err.message})`,
    ),
    checkS3(deps.s3, deps.s3Settings, { timeoutMs: 3_000 }).then(
      (health) => (health.ok ? null : `S3 does not answer (${health.error})`),
      (err: Error) => `S3 does not answer (${err.message})`,
    ),
  ]);
  return [database, s3].filter(Boolean).join('; ') || null;
}

/**
 * The wait before a job that met an outage runs again: from one second, doubling to half a
 * minute, per job, as long as the outage lasts. A job that runs to its end forgets its waits.
 */
export function createOutageBackoff(firstMs = 1_000, maxMs = 30_000) {
  const waits = new Map<string, number>();
  return {
    next(jobId: string): number {
      const wait = waits.get(jobId) ?? firstMs;
      waits.set(jobId, Math.min(wait * 2, maxMs));
      return wait;
    },
    forget(jobId: string): void {
      waits.delete(jobId);
    },
  };
}
