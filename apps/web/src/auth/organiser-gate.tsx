import type { OrganiserSession } from '@folkemote/contract';
import { type ReactNode, useEffect, useState } from 'react';
import { navigate } from '../app/router/navigation.ts';
import { useLocation } from '../app/router/use-location.ts';
import { routes } from '../app/routes.ts';
import type { ApiError } from '../shared/api-error.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';
import { fetchSession, signOut } from './auth-api.ts';
import { organisationToShow } from './organisation-to-show.ts';
import { OrganiserSessionContext } from './use-organiser-session.ts';
import '../shared/organiser.css';

/**
 * Shows its page only to a signed-in organiser; anyone else is sent to the
 * sign-in page, which brings them back here afterwards.
 */
export function OrganiserGate({ children }: { children: ReactNode }) {
  const { t, href } = useLocale();
  const { pathname, search } = useLocation();
  const [state, setState] = useState<
    | { status: 'loading' }
    | { status: 'ready'; session: OrganiserSession }
    | { status: 'error'; error: ApiError }
  >({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal).then(
      (session) => {
        if (session) setState({ status: 'ready', session });
        else
          navigate(href(`${routes.signIn}?next=${encodeURIComponent(pathname + search)}`), { replace: true });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [href, pathname, search]);

  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  if (state.status === 'loading')
    return (
      <p className="muted" role="status">
        {t.organiser.signIn.checking}
      </p>
    );
  return (
    <OrganiserSessionContext.Provider value={state.session}>
      <OrganiserBar session={state.session} />
      {children}
    </OrganiserSessionContext.Provider>
  );
}

function OrganiserBar({ session }: { session: OrganiserSession }) {
  const { t, href } = useLocale();
  const [leaving, setLeaving] = useState(false);
  const leave = async () => {
    setLeaving(true);
    try {
      await signOut();
    } finally {
      navigate(href(routes.signIn), { replace: true });
    }
  };
  return (
    <div className="organiser-bar">
      <p>
        {t.organiser.bar.signedInAs(
          session.account.displayName,
          organisationToShow(session.account.displayName, session.organisation.name),
        )}
      </p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void leave()}
        aria-disabled={leaving || undefined}
        disabled={leaving}
      >
        {leaving ? t.organiser.bar.signingOut : t.organiser.bar.signOut}
      </button>
    </div>
  );
}
