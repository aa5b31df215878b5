import type { EventBroadcast } from '@folkemote/contract';
import { useEffect, useId, useState } from 'react';
import { broadcastMessages } from '../i18n/broadcast-messages.ts';
import type { ApiError } from '../shared/api-error.ts';
import { describeApiError } from '../shared/describe-api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';
import { fetchEventBroadcast } from './broadcast-api.ts';
import { CopyField } from './copy-field.tsx';

/**
 * Where a broadcast event is on the public site: its state, its address (the live page, and the
 * replay after), a copy button, and the iframe snippet for the county's own website.
 * Shown once the event is saved as broadcast, so the broadcast it reads exists.
 */
export function BroadcastPanel({ slug }: { slug: string }) {
  const { t, locale } = useLocale();
  const b = broadcastMessages[locale];
  const id = useId();
  const [broadcast, setBroadcast] = useState<EventBroadcast | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    fetchEventBroadcast(slug, controller.signal).then(setBroadcast, (e: unknown) => {
      if (!controller.signal.aborted) setError(toApiError(e));
    });
    return () => controller.abort();
  }, [slug]);
  return (
    <section className="panel broadcast-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{b.heading}</h2>
      {broadcast ? (
        <>
          <p className={broadcast.status === 'live' ? 'badge badge--live' : undefined}>
            {b.status[broadcast.status]}
          </p>
          <CopyField
            id={`${id}-url`}
            label={b.addressLabel}
            hint={b.addressHint}
            value={broadcast.url}
            texts={b}
          />
          <p>
            <a href={broadcast.url} target="_blank" rel="noopener">
              {b.open}
            </a>
          </p>
          <CopyField
            id={`${id}-embed`}
            label={b.embedLabel}
            hint={b.embedHint}
            value={broadcast.embedCode}
            multiline
            texts={b}
          />
        </>
      ) : null}
      {error ? (
        <p className="inline-error" role="alert">
          {b.loadFailed} {describeApiError(error, t)}
        </p>
      ) : null}
    </section>
  );
}
