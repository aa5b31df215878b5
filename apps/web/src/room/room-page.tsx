import type { ReactNode } from 'react';
import { useLocation } from '../app/router/use-location.ts';
import { matchRouteWithParams, routePath, routes } from '../app/routes.ts';
import { usePublicEvent } from '../events/use-public-event.ts';
import { isAccessError } from '../shared/api-error.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { Link } from '../shared/link.tsx';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { describeRoomError } from './describe-room-error.ts';
import type { EventAuth } from './room-api.ts';
import { RoomScreen } from './room-screen.tsx';
import { useRoomAuth } from './use-room-auth.ts';
import { useRoomView } from './use-room-view.ts';
import '../shared/organiser.css';
import './room.css';

/** The live room: `/arrangement/<slug>/direkte#<token>`, or without a token for a signed-in organiser. */
export default function RoomPage() {
  const { t, href } = useLocale();
  const { pathname } = useLocation();
  const slug = matchRouteWithParams(pathname).params.slug ?? '';
  const state = useRoomAuth(slug);

  if (state.status === 'checking')
    return (
      <p className="muted" role="status">
        {t.room.loading}
      </p>
    );
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  if (state.status === 'none')
    return (
      <AccessScreen slug={slug} message={t.room.access.noLink}>
        <p>
          <Link to={href(`${routes.signIn}?next=${encodeURIComponent(pathname)}`)}>
            {t.room.access.signIn}
          </Link>
        </p>
      </AccessScreen>
    );
  return <Room key={slug} slug={slug} auth={state.auth} />;
}

function AccessScreen({ slug, message, children }: { slug: string; message: string; children?: ReactNode }) {
  const { t, href } = useLocale();
  usePageTitle(t.layout.pageTitle(t.room.access.heading));
  return (
    <>
      <h1 tabIndex={-1}>{t.room.access.heading}</h1>
      <div className="notice notice--error" role="alert">
        <p>{message}</p>
      </div>
      {children}
      <p>
        <Link to={href(routePath(routes.event, { slug }))}>{t.room.access.eventLink}</Link>
      </p>
    </>
  );
}

function Room({ slug, auth }: { slug: string; auth: EventAuth }) {
  const { t } = useLocale();
  const event = usePublicEvent(slug);
  const room = useRoomView(slug, auth);
  const eventData = event.status === 'ready' ? event.data : null;
  usePageTitle(t.layout.pageTitle(eventData?.title ?? t.room.access.heading));

  if (room.error && isAccessError(room.error))
    return <AccessScreen slug={slug} message={describeRoomError(room.error, t)} />;
  if (!room.view)
    return room.error ? (
      <ErrorNotice error={room.error} onRetry={() => void room.refresh()} />
    ) : (
      <p className="muted" role="status">
        {t.room.loading}
      </p>
    );
  return (
    <RoomScreen
      slug={slug}
      auth={auth}
      view={room.view}
      event={eventData}
      streamBroken={room.stream === 'reconnecting'}
      apply={room.apply}
    />
  );
}
