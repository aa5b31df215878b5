import type { SiteInfo } from '@folkemote/contract';
import { ApiError } from '../shared/api-error.ts';
import { requestJson } from '../shared/request-json.ts';
import { safeHref } from '../shared/safe-href.ts';

/** Where the public replay archive is. */
export type { SiteInfo };

export async function fetchSite(signal?: AbortSignal): Promise<SiteInfo> {
  const body = await requestJson('/api/site', { signal });
  const archiveUrl =
    typeof body === 'object' && body !== null ? (body as { archiveUrl?: unknown }).archiveUrl : null;
  const href = typeof archiveUrl === 'string' ? safeHref(archiveUrl) : null;
  if (!href) throw new ApiError(200, 'bad_response', '/api/site did not return an http(s) archiveUrl');
  return { archiveUrl: href };
}
