import type { EventRole } from '@folkemote/domain';
import { routePath, routes } from '../app/routes.ts';
import type { EventAuth } from '../room/room-api.ts';
import { useLocale } from '../shared/use-locale.ts';

/** Which of the Q&A's screens a role works at: the console for hosts and moderators, the presenter's screen for all staff. */
export function questionsScreensFor(role: EventRole): { moderator: boolean; presenter: boolean } {
  return {
    moderator: role === 'host' || role === 'moderator',
    presenter: role === 'host' || role === 'moderator' || role === 'presenter',
  };
}

/**
 * The address of a Q&A screen for someone in the room. A staff link's token goes along in the
 * fragment, as on the link itself (never to a server), since the new tab has no session; the
 * screen moves it out of the address bar at once.
 */
export function questionsScreenHref(path: string, auth: EventAuth): string {
  return auth.kind === 'token' ? `${path}#${encodeURIComponent(auth.token)}` : path;
}

/**
 * Links from the live room to the moderator console and the presenter's question screen. They
 * open in a new tab, so that nobody leaves the room (and its call) to reach them.
 */
export function QuestionsLinks({
  slug,
  eventRole,
  auth,
}: {
  slug: string;
  eventRole: EventRole;
  auth: EventAuth;
}) {
  const { t, href } = useLocale();
  const l = t.room.qaLinks;
  const screens = questionsScreensFor(eventRole);
  if (!screens.moderator && !screens.presenter) return null;
  const link = (route: typeof routes.eventModerator | typeof routes.eventPresenter, text: string) => (
    <a href={questionsScreenHref(href(routePath(route, { slug })), auth)} target="_blank" rel="noopener">
      {text} <span className="visually-hidden">{l.newTab}</span>
    </a>
  );
  return (
    <nav className="qa-links" aria-label={l.label}>
      <span className="qa-links__label" aria-hidden="true">
        {l.label}:
      </span>
      <ul>
        {screens.moderator ? <li>{link(routes.eventModerator, l.moderator)}</li> : null}
        {screens.presenter ? <li>{link(routes.eventPresenter, l.presenter)}</li> : null}
      </ul>
    </nav>
  );
}
