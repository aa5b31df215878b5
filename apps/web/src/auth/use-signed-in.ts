import { useEffect, useState } from 'react';
import { fetchSession } from './auth-api.ts';

/**
 * Whether an organiser is signed in, checked again on every page change (so signing in or out
 * shows in the header at once). Unknown (null) while it is asked, and on an error: the header then
 * shows only the public links.
 *
 * @example
 * const signedIn = useSignedIn(pathname);
 * if (signedIn) showOrganiserLinks();
 */
export function useSignedIn(pathname: string): boolean | null {
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal).then(
      (session) => setSignedIn(session !== null),
      () => {
        if (!controller.signal.aborted) setSignedIn(null);
      },
    );
    return () => controller.abort();
  }, [pathname]); // asked again on each new page on purpose
  return signedIn;
}
