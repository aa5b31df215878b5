import { useLocale } from '../hooks/use-locale.ts';
import { useLocation } from '../router/use-location.ts';
import { routes } from '../routes.ts';
import { LanguageSwitcher } from './language-switcher.tsx';
import { Link } from './link.tsx';

export function SiteHeader({ wide = false }: { wide?: boolean }) {
  const { t, href } = useLocale();
  const { pathname } = useLocation();
  const items = [
    { path: routes.home, label: t.nav.home },
    { path: routes.organiserEvents, label: t.organiser.nav.events },
    { path: routes.recordings, label: t.nav.recordings },
    { path: routes.apiTokens, label: t.organiser.nav.apiTokens },
  ];
  return (
    <header className="site-header">
      <div className={`container${wide ? ' container--wide' : ''} site-header__inner`}>
        <Link to={href(routes.home)} className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">Folkemøte</span>
        </Link>
        <nav className="main-nav" aria-label={t.layout.mainNav}>
          <ul>
            {items.map((item) => (
              <li key={item.path}>
                <Link to={href(item.path)} aria-current={pathname === item.path ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
