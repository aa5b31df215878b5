import { useSyncExternalStore } from 'react';
import { type AppLocation, readLocation, subscribeToLocation } from './navigation.ts';

/**
 * The current address, re-rendering on in-app navigation and on back/forward.
 *
 * @example
 * const { pathname } = useLocation();
 */
export function useLocation(): AppLocation {
  return useSyncExternalStore(subscribeToLocation, readLocation);
}
