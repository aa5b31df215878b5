/** The app's pages. The accessibility statement keeps its Norwegian address in every language. */
export const routes = {
  home: '/',
  recordings: '/organiser/recordings',
  accessibility: '/tilgjengelighet',
} as const;

export type RouteName = keyof typeof routes | 'notFound';

export function matchRoute(pathname: string): RouteName {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [name, route] of Object.entries(routes) as [keyof typeof routes, string][]) {
    if (route === path) return name;
  }
  return 'notFound';
}
