import type { ReactNode } from 'react';
import { useLocale } from '../shared/use-locale.ts';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';

/** The page frame. `wide` lets a page use the window's width (the live room), header included. */
export function Layout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useLocale();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.layout.skipLink}
      </a>
      <SiteHeader wide={wide} />
      <main id="main" tabIndex={-1} className={`container${wide ? ' container--wide' : ''} main`}>
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
