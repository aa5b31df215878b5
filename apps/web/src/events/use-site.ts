import { type Resource, useApiResource } from '../shared/use-api-resource.ts';
import { fetchSite, type SiteInfo } from './site-api.ts';

/**
 * Where the public replay archive lives, loaded once.
 *
 * @example
 * const site = useSite();
 * if (site.status === 'ready') link(site.data.archiveUrl);
 */
export function useSite(): Resource<SiteInfo> {
  return useApiResource(fetchSite);
}
