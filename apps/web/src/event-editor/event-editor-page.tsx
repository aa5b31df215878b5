import { useLocation } from '../app/router/use-location.ts';
import { matchRouteWithParams } from '../app/routes.ts';
import { BroadcastPanel } from '../broadcast/broadcast-panel.tsx';
import { AutoPublishPanel } from '../recordings/review/auto-publish-panel.tsx';
import { OrganiserRoomPanel } from '../room/organiser-room-panel.tsx';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import {
  DescriptionPreview,
  EditorActions,
  EditorIntro,
  EditorLoadFailure,
  EditorNotices,
} from './event-editor-parts.tsx';
import { EventErrorSummary } from './event-error-summary.tsx';
import { EventForm } from './event-form.tsx';
import { useEventEditor } from './use-event-editor.ts';

/** The editor for a new event (`/organiser/events/new`) or an existing one (`/organiser/events/{slug}`). */
export function EventEditorPage() {
  const { pathname } = useLocation();
  const { name, params } = matchRouteWithParams(pathname);
  const slug = name === 'editEvent' ? (params.slug ?? null) : null;
  return <EventEditor key={slug ?? 'new'} slug={slug} />;
}

function EventEditor({ slug }: { slug: string | null }) {
  const { t } = useLocale();
  const ed = t.organiser.editor;
  const editor = useEventEditor(slug);
  const { event } = editor;
  const title = slug ? ed.editTitle(event?.title ?? slug) : ed.newTitle;
  usePageTitle(t.layout.pageTitle(title));

  if (editor.loadError) return <EditorLoadFailure slug={slug} error={editor.loadError} />;
  if (slug && !event)
    return (
      <p className="muted" role="status">
        {ed.loading}
      </p>
    );

  const cancelled = event?.status === 'cancelled';
  return (
    <>
      <EditorIntro title={title} event={event} />
      <EditorNotices message={editor.message} cancelled={cancelled} problem={editor.problem} />
      <EventErrorSummary fieldErrors={editor.fieldErrors} attempt={editor.attempt} />
      <EventForm
        values={editor.values}
        onChange={editor.setValues}
        fieldErrors={editor.fieldErrors}
        disabled={cancelled || editor.busy !== null}
        onSubmit={() => void editor.save()}
        slugTouched={editor.slugTouched}
        onSlugTouched={editor.touchSlug}
        actions={cancelled ? null : <EditorActions editor={editor} />}
      />
      {event ? <DescriptionPreview event={event} /> : null}
      {event?.broadcast ? <BroadcastPanel slug={event.slug} /> : null}
      {event && !cancelled ? <OrganiserRoomPanel slug={event.slug} /> : null}
      {event && !cancelled ? <AutoPublishPanel slug={event.slug} /> : null}
    </>
  );
}
