import { allLocales, withLocale } from '../i18n/locale-url.ts';
import { messages } from '../i18n/messages.ts';
import { Link } from '../shared/link.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { useLocation } from './router/use-location.ts';

export function LanguageSwitcher() {
  const { locale, t } = useLocale();
  const { pathname, search } = useLocation();
  return (
    <nav className="language-switcher" aria-label={t.layout.languageNav}>
      <ul>
        {allLocales.map((l) => (
          <li key={l}>
            <Link
              to={withLocale(pathname + search, l)}
              lang={l}
              hrefLang={l}
              aria-current={l === locale ? 'true' : undefined}
            >
              {messages[l].languageName}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
