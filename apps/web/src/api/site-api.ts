import type { SiteInfo } from '@folkemote/contract';
import { safeHref } from '../format/safe-href.ts';
import { ApiError } from './api-error.ts';
import { requestJson } from './request-json.ts';

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
