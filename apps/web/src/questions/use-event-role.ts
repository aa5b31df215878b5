import type { EventRole } from '@folkemote/domain';
import { useEffect, useState } from 'react';
import type { QaAuth } from './link-token.ts';
import { fetchEventRole } from './questions-api.ts';

/**
 * The viewer's role in the event, or null while unknown (or when it cannot be
 * had: the views then go on, and the API refuses what the role may not do).
 */
export function useEventRole(slug: string, auth: QaAuth): EventRole | null {
  const [role, setRole] = useState<EventRole | null>(null);
  const token = auth.kind === 'token' ? auth.token : null;
  useEffect(() => {
    const controller = new AbortController();
    fetchEventRole(
      slug,
      token === null ? { kind: 'session' } : { kind: 'token', token },
      controller.signal,
    ).then(setRole, () => setRole(null));
    return () => controller.abort();
  }, [slug, token]);
  return role;
}
