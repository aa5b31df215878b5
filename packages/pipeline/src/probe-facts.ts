import { canQuickPublish, type MediaProbe } from '@folkemote/media';

/** Whether the stored probe of a recording allows the quick, stream-copied version. */
export function canQuickPublishProbe(probe: unknown): boolean {
  return probe !== null && typeof probe === 'object' && canQuickPublish(probe as MediaProbe);
}
