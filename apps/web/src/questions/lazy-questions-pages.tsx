import { lazy, Suspense } from 'react';
import { useLocale } from '../shared/use-locale.ts';

// The staff views are fetched only when someone opens them, so the public pages stay light.
const ModeratorPage = lazy(() => import('./moderator-page.tsx').then((m) => ({ default: m.ModeratorPage })));
const PresenterPage = lazy(() => import('./presenter-page.tsx').then((m) => ({ default: m.PresenterPage })));

function Loading() {
  const { t } = useLocale();
  return (
    <p className="muted" role="status">
      {t.qa.moderator.loading}
    </p>
  );
}

/** `/arrangement/<slug>/moderator`, loaded on demand. */
export function LazyModeratorPage() {
  return (
    <Suspense fallback={<Loading />}>
      <ModeratorPage />
    </Suspense>
  );
}

/** `/arrangement/<slug>/presentator`, loaded on demand. */
export function LazyPresenterPage() {
  return (
    <Suspense fallback={<Loading />}>
      <PresenterPage />
    </Suspense>
  );
}
