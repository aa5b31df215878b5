import type { OrganiserEvent } from '@folkemote/domain';
import { routePath, routes } from '../app/routes.ts';
import type { ApiError } from '../shared/api-error.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { Link } from '../shared/link.tsx';
import { useLocale } from '../shared/use-locale.ts';
import type { EventEditorState } from './use-event-editor.ts';

/** The page's heading, the event's state with the way to its registrations, and the intro. */
export function EditorIntro({ title, event }: { title: string; event: OrganiserEvent | null }) {
  const { t, href } = useLocale();
  const ed = t.organiser.editor;
  return (
    <div className="page-intro">
      <h1 tabIndex={-1}>{title}</h1>
      {event ? (
        <p>
          <span className="status-text">{t.organiser.status[event.status]}</span>
          {' · '}
          <Link to={href(routePath(routes.eventRegistrations, { slug: event.slug }))}>
            {ed.registrationsLink}
          </Link>
        </p>
      ) : null}
      <p className="lead">{ed.intro}</p>
    </div>
  );
}

/** What the last action did (announced), that the event is cancelled, and what went wrong. */
export function EditorNotices({
  message,
  cancelled,
  problem,
}: {
  message: string | null;
  cancelled: boolean;
  problem: ApiError | null;
}) {
  const { t } = useLocale();
  return (
    <>
      <div role="status" aria-live="polite">
        {message ? (
          <div className="notice notice--success">
            <p>{message}</p>
          </div>
        ) : null}
      </div>
      {cancelled ? (
        <div className="notice">
          <p>{t.organiser.editor.cancelledNotice}</p>
        </div>
      ) : null}
      {problem ? <ErrorNotice error={problem} /> : null}
    </>
  );
}

/** Save, and for an event that exists: publish (a draft), duplicate, cancel. */
export function EditorActions({ editor }: { editor: EventEditorState }) {
  const { t } = useLocale();
  const ed = t.organiser.editor;
  const { event, busy } = editor;
  return (
    <>
      <button type="submit" className="button">
        {busy === 'save' ? ed.saving : ed.save}
      </button>
      {event?.status === 'draft' ? (
        <button type="button" className="button button--secondary" onClick={() => void editor.publish()}>
          {ed.publish}
        </button>
      ) : null}
      {event ? (
        <>
          <button type="button" className="button button--secondary" onClick={() => void editor.duplicate()}>
            {ed.duplicate}
          </button>
          <button type="button" className="button button--danger" onClick={() => void editor.cancel()}>
            {ed.cancelEvent}
          </button>
        </>
      ) : null}
    </>
  );
}

/** The description as the public page shows it. */
export function DescriptionPreview({ event }: { event: OrganiserEvent }) {
  const { t } = useLocale();
  if (!event.descriptionHtml) return null;
  return (
    <section className="section" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t.organiser.editor.preview}</h2>
      {/* Rendered and sanitised by the API with an allow-list of tags; no scripts or handlers survive. */}
      <div
        className="preview prose"
        lang={event.language}
        dangerouslySetInnerHTML={{ __html: event.descriptionHtml }}
      />
    </section>
  );
}

/** The event could not be loaded: not found, or the API's error. */
export function EditorLoadFailure({ slug, error }: { slug: string | null; error: ApiError }) {
  const { t } = useLocale();
  return (
    <>
      <h1 tabIndex={-1}>{t.organiser.editor.editTitle(slug ?? '')}</h1>
      {error.status === 404 ? <p className="panel">{t.organiser.notFound}</p> : <ErrorNotice error={error} />}
    </>
  );
}
