import type { PublicEventPage } from '@folkemote/domain';

/**
 * An event's description, in the event's language: the organiser's Markdown as the API rendered and
 * sanitised it (the same renderer as the editor's preview and the replay page), so only the tags of
 * ordinary text can reach the page.
 */
export function EventDescription({
  event,
}: {
  event: Pick<PublicEventPage, 'descriptionHtml' | 'language'>;
}) {
  return (
    <div
      className="prose"
      lang={event.language}
      dangerouslySetInnerHTML={{ __html: event.descriptionHtml }}
    />
  );
}
