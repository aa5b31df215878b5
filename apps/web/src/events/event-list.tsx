import type { PublicEventPage } from '@folkemote/domain';
import { EventCard } from './event-card.tsx';

export function EventList({
  events,
  empty,
  past = false,
}: {
  events: PublicEventPage[];
  empty: string;
  past?: boolean;
}) {
  if (events.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className={past ? 'event-list event-list--past' : 'event-list'}>
      {events.map((event) => (
        <li key={event.id}>
          <EventCard event={event} />
        </li>
      ))}
    </ul>
  );
}
