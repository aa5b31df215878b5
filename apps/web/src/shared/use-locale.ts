import type { Locale } from '@folkemote/domain';
import { useCallback, useEffect } from 'react';
import { useLocation } from '../app/router/use-location.ts';
import { readLocale, withLocale } from '../i18n/locale-url.ts';
import { type Messages, messages } from '../i18n/messages.ts';

export interface LocaleContext {
  locale: Locale;
  /** The strings of the current language. */
  t: Messages;
  /** An in-app address that keeps the current language. */
  href: (path: string) => string;
}

/**
 * The interface language, read from `?lang=` so that a choice survives reloads and
 * shared links without a cookie.
 *
 * @example
 * const { t, href } = useLocale();
 * <Link to={href('/organiser/recordings')}>{t.nav.recordings}</Link>
 */
export function useLocale(): LocaleContext {
  const { search } = useLocation();
  const locale = readLocale(search);
  const href = useCallback((path: string) => withLocale(path, locale), [locale]);
  return { locale, t: messages[locale], href };
}

/** Keeps `<html lang>` in step with the chosen language, so screen readers pronounce it right. */
export function useDocumentLanguage(locale: Locale): void {
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
}

/** Sets the browser tab's title for the current page. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
