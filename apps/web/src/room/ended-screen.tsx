import type { PublicEventPage } from '@folkemote/domain';
import { useSite } from '../events/use-site.ts';
import { osloMomentFormat } from '../shared/format-date.ts';
import { useLocale } from '../shared/use-locale.ts';
import type { RoomView } from './room-api.ts';

/** After the end: thanks, and when (or whether) the replay will be in the archive. */
export function EndedScreen({ view, event }: { view: RoomView; event: PublicEventPage | null }) {
  const { t, locale } = useLocale();
  const site = useSite();
  const e = t.room.ended;
  const recorded = event?.recorded ?? view.replayExpectedBy !== null;
  const by = view.replayExpectedBy
    ? osloMomentFormat(locale, 'full', 'short').format(new Date(view.replayExpectedBy))
    : null;
  return (
    <section className="panel" aria-labelledby="ended-heading">
      <h2 id="ended-heading">{e.heading}</h2>
      <p>{e.text}</p>
      {recorded ? (
        <>
          <p>{by ? e.replayBy(by) : e.replaySoon}</p>
          {site.status === 'ready' ? (
            <p>
              <a href={site.data.archiveUrl}>{e.archiveLink}</a>
            </p>
          ) : null}
        </>
      ) : (
        <p>{e.noReplay}</p>
      )}
    </section>
  );
}
