import type { ReactNode } from 'react';
import { useLocale } from '../hooks/use-locale.ts';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useLocale();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.layout.skipLink}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="container main">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
