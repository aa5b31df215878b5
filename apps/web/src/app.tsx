import { Layout } from './components/layout.tsx';
import { useFocusOnNavigation } from './hooks/use-focus-on-navigation.ts';
import { useDocumentLanguage, useLocale } from './hooks/use-locale.ts';
import { AccessibilityPage } from './pages/accessibility-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { RecordingsPage } from './pages/recordings-page.tsx';
import { useLocation } from './router/use-location.ts';
import { matchRoute } from './routes.ts';

const pages = {
  home: HomePage,
  recordings: RecordingsPage,
  accessibility: AccessibilityPage,
  notFound: NotFoundPage,
};

export function App() {
  const { pathname } = useLocation();
  const { locale } = useLocale();
  useDocumentLanguage(locale);
  useFocusOnNavigation(pathname);
  const Page = pages[matchRoute(pathname)];
  return (
    <Layout>
      <Page />
    </Layout>
  );
}
