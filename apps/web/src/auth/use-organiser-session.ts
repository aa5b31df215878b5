import type { OrganiserSession } from '@folkemote/contract';
import { createContext, useContext } from 'react';

/** The signed-in organiser, provided by OrganiserGate to the pages inside it. */
export const OrganiserSessionContext = createContext<OrganiserSession | null>(null);

/**
 * The signed-in organiser on a page behind OrganiserGate.
 *
 * @example
 * const session = useOrganiserSession();
 * <p>{session.organisation.name}</p>
 */
export function useOrganiserSession(): OrganiserSession {
  const session = useContext(OrganiserSessionContext);
  if (!session) throw new Error('useOrganiserSession is used outside OrganiserGate');
  return session;
}
