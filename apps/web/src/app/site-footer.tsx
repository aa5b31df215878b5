import { Link } from '../shared/link.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { routes } from './routes.ts';

export function SiteFooter() {
  const { t, href } = useLocale();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p>{t.layout.footerAbout}</p>
        <p>
          <Link to={href(routes.accessibility)}>{t.layout.footerAccessibility}</Link>
        </p>
      </div>
    </footer>
  );
}
