import { lazy, Suspense } from 'react';
import { useLocale } from '../shared/use-locale.ts';

// The room (and LiveKit's client with it) is fetched only when someone opens it, so the public pages stay light.
const RoomPage = lazy(() => import('./room-page.tsx'));

/** The live room page, loaded on demand. */
export function LazyRoomPage() {
  const { t } = useLocale();
  return (
    <Suspense
      fallback={
        <p className="muted" role="status">
          {t.room.loading}
        </p>
      }
    >
      <RoomPage />
    </Suspense>
  );
}
