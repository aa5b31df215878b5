import { findRecording, listStaleRecordingUploads, moveRecordingUpload } from '@folkemote/db';
import type { ApiDeps } from '../api-deps.ts';
import { abortBrowserUpload } from './browser-uploads.ts';

/** How often the API looks for browser uploads left open. */
export const UPLOAD_SWEEP_INTERVAL_MS = 15 * 60_000;

/**
 * Aborts the browser uploads nobody has touched for `config.uploads.staleAfterMs` (a closed tab,
 * a file given up), so their parts do not lie in the raw bucket for ever. Every API process may
 * run it: an upload is aborted by whichever moves its state first. The number aborted.
 */
export async function sweepStaleUploads(deps: Pick<ApiDeps, 'db' | 's3' | 's3Settings' | 'config' | 'log'>) {
  const stale = await listStaleRecordingUploads(deps.db, deps.config.uploads.staleAfterMs);
  let aborted = 0;
  for (const upload of stale) {
    if (upload.state !== 'active' && upload.state !== 'completing') continue;
    try {
      // A process that stopped after the recording was made but before it said so: it is done.
      if (upload.state === 'completing' && (await findRecording(deps.db, upload.id))) {
        await moveRecordingUpload(deps.db, upload.id, 'completing', 'completed');
        continue;
      }
      await abortBrowserUpload(deps, upload, upload.state);
      aborted++;
    } catch (err) {
      deps.log.warn({ err, uploadId: upload.id }, 'stale upload not aborted');
    }
  }
  if (aborted > 0) deps.log.info({ aborted }, 'stale browser uploads aborted');
  return aborted;
}

/** Runs the sweep now and then on an interval until the server closes. */
export function scheduleUploadSweep(deps: Parameters<typeof sweepStaleUploads>[0]) {
  const run = () => {
    sweepStaleUploads(deps).catch((err: unknown) => deps.log.warn({ err }, 'upload sweep failed'));
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, UPLOAD_SWEEP_INTERVAL_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
