import { Link } from '../shared/link.tsx';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { routes } from './routes.ts';

export function NotFoundPage() {
  const { t, href } = useLocale();
  usePageTitle(t.layout.pageTitle(t.notFound.title));
  return (
    <div className="prose">
      <h1 tabIndex={-1}>{t.notFound.title}</h1>
      <p>{t.notFound.text}</p>
      <p>
        <Link to={href(routes.home)}>{t.notFound.home}</Link>
      </p>
    </div>
  );
}
