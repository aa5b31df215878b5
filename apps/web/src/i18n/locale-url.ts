import type { Locale } from '@folkemote/domain';

// A record, so that a language added to the domain is a compile error here until it is listed.
const listed: Record<Locale, true> = { nb: true, nn: true, en: true };
const supported = Object.keys(listed) as Locale[];

export const defaultLocale: Locale = 'nb';

/** The interface language asked for by `?lang=` in a URL's query, or bokmål. */
export function readLocale(search: string): Locale {
  const lang = new URLSearchParams(search).get('lang');
  return supported.find((l) => l === lang) ?? defaultLocale;
}

/**
 * An in-app address that keeps the chosen language. The language lives in the URL
 * (no cookie, no storage), so every internal link must carry it; bokmål, the
 * default, leaves the address clean.
 */
export function withLocale(path: string, locale: Locale): string {
  const [pathname = '/', query = ''] = path.split('?', 2);
  const params = new URLSearchParams(query);
  if (locale === defaultLocale) params.delete('lang');
  else params.set('lang', locale);
  const search = params.toString();
  return search ? `${pathname}?${search}` : pathname;
}

/** The interface languages in the order the switcher shows them. */
export const allLocales: readonly Locale[] = supported;
