/** The app's pages. The accessibility statement keeps its Norwegian address in every language. */
export const routes = {
  home: '/',
  recordings: '/organiser/recordings',
  // The caption editor (captions-editor/): captions (1.2.2) and description tracks (1.2.5).
  captionEditor: '/organiser/recordings/:id/captions/:language',
  descriptionEditor: '/organiser/recordings/:id/descriptions/:language',
  recordingReview: '/organiser/recordings/:id',
  recordingTrim: '/organiser/recordings/:id/trim',
  signIn: '/organiser/sign-in',
  forgotPassword: '/organiser/glemt-passord',
  resetPassword: '/organiser/nytt-passord',
  organiserEvents: '/organiser/events',
  // Before the `:slug` routes, so that "new" is never read as a slug.
  newEvent: '/organiser/events/new',
  editEvent: '/organiser/events/:slug',
  eventRegistrations: '/organiser/events/:slug/registrations',
  eventCheckIn: '/organiser/events/:slug/check-in',
  apiTokens: '/organiser/api-tokens',
  accessibility: '/tilgjengelighet',
  event: '/arrangement/:slug',
  eventPrivacy: '/arrangement/:slug/personvern',
  eventRoom: '/arrangement/:slug/direkte',
  eventModerator: '/arrangement/:slug/moderator',
  eventPresenter: '/arrangement/:slug/presentator',
  personalLink: '/p/:token',
} as const;

export type RouteName = keyof typeof routes | 'notFound';

export interface RouteMatch {
  name: RouteName;
  /** The `:name` parts of the route, decoded. */
  params: Record<string, string>;
}

/** The page for an address, with the values of its `:name` parts. */
export function matchRouteWithParams(pathname: string): RouteMatch {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const parts = path.split('/');
  for (const [name, route] of Object.entries(routes) as [keyof typeof routes, string][]) {
    const pattern = route.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((segment, i) => {
      if (!segment.startsWith(':')) return segment === parts[i];
      try {
        params[segment.slice(1)] = decodeURIComponent(parts[i]!);
      } catch {
        return false;
      }
      return parts[i] !== '';
    });
    if (matches) return { name, params };
  }
  return { name: 'notFound', params: {} };
}

export function matchRoute(pathname: string): RouteName {
  return matchRouteWithParams(pathname).name;
}

/** A route's address with its `:name` parts filled in. */
export function routePath(
  route: (typeof routes)[keyof typeof routes],
  params: Record<string, string> = {},
): string {
  return route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
