import type { PublicEventView } from '@folkemote/domain';

/** An event's description as paragraphs of plain text, in the event's language: nothing in it becomes markup. */
export function EventDescription({ event }: { event: Pick<PublicEventView, 'description' | 'language'> }) {
  return (
    <div className="prose" lang={event.language}>
      {event.description.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </div>
  );
}
