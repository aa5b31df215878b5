import { useSignedIn } from '../auth/use-signed-in.ts';
import { useSite } from '../events/use-site.ts';
import { Link } from '../shared/link.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { LanguageSwitcher } from './language-switcher.tsx';
import { useLocation } from './router/use-location.ts';
import { routes } from './routes.ts';

/**
 * The site's header. Citizens get the events and the public replay archive; the organiser's pages
 * (their events, recordings, API keys) are linked only while an organiser is signed in.
 */
export function SiteHeader({ wide = false }: { wide?: boolean }) {
  const { t, href } = useLocale();
  const { pathname } = useLocation();
  const signedIn = useSignedIn(pathname);
  const site = useSite();
  const organiserItems = [
    { path: routes.organiserEvents, label: t.organiser.nav.events },
    { path: routes.recordings, label: t.nav.recordings },
    { path: routes.apiTokens, label: t.organiser.nav.apiTokens },
  ];
  const current = (path: string) => (pathname === path ? 'page' : undefined);
  return (
    <header className="site-header">
      <div className={`container${wide ? ' container--wide' : ''} site-header__inner`}>
        <Link to={href(routes.home)} className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">Folkemøte</span>
        </Link>
        <nav className="main-nav" aria-label={t.layout.mainNav}>
          <ul>
            <li>
              <Link to={href(routes.home)} aria-current={current(routes.home)}>
                {t.nav.home}
              </Link>
            </li>
            {signedIn ? (
              organiserItems.map((item) => (
                <li key={item.path}>
                  <Link to={href(item.path)} aria-current={current(item.path)}>
                    {item.label}
                  </Link>
                </li>
              ))
            ) : site.status === 'ready' ? (
              <li>
                <a href={site.data.archiveUrl}>{t.nav.recordings}</a>
              </li>
            ) : null}
          </ul>
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
