import type { Locale } from '@folkemote/domain';
import { routes } from '../app/routes.ts';
import { withLocale } from '../i18n/locale-url.ts';

/** Only a path on this site, so a crafted link cannot send someone elsewhere after signing in. */
function safeNext(next: string | null): string | null {
  return next && /^\/(?![/\\])/.test(next) ? next : null;
}

/**
 * Where signing in leads: the page that asked for it (or the events), in the language chosen on
 * the sign-in page, which may differ from the one the page was asked for in.
 */
export function pathAfterSignIn(next: string | null, locale: Locale): string {
  return withLocale(safeNext(next) ?? routes.organiserEvents, locale);
}
