import type { OrganiserEvent } from '@folkemote/domain';
import { useEffect, useState } from 'react';
import { navigate } from '../app/router/navigation.ts';
import { useLocation } from '../app/router/use-location.ts';
import { matchRouteWithParams, routePath, routes } from '../app/routes.ts';
import { OrganiserRoomPanel } from '../room/organiser-room-panel.tsx';
import { ApiError } from '../shared/api-error.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { ErrorSummary } from '../shared/error-summary.tsx';
import { Link } from '../shared/link.tsx';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { EventForm } from './event-form.tsx';
import {
  describeFieldError,
  type EventFormValues,
  emptyEventForm,
  eventToFormValues,
  fieldInputId,
  formValuesToBody,
  sortFieldErrors,
} from './event-form-values.ts';
import { clearFlash, peekFlash, setFlash } from './flash.ts';
import { createEvent, fetchOrganiserEvent, runEventAction, updateEvent } from './organiser-events-api.ts';

/** The editor for a new event (`/organiser/events/new`) or an existing one (`/organiser/events/{slug}`). */
export function EventEditorPage() {
  const { pathname } = useLocation();
  const { name, params } = matchRouteWithParams(pathname);
  const slug = name === 'editEvent' ? (params.slug ?? null) : null;
  return <EventEditor key={slug ?? 'new'} slug={slug} />;
}

function EventEditor({ slug }: { slug: string | null }) {
  const { t, href } = useLocale();
  const ed = t.organiser.editor;
  const [event, setEvent] = useState<OrganiserEvent | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [values, setValues] = useState<EventFormValues>(emptyEventForm);
  const [slugTouched, setSlugTouched] = useState(slug !== null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<null | 'save' | 'publish' | 'cancel' | 'duplicate'>(null);
  const [message, setMessage] = useState<string | null>(() => peekFlash());
  const [problem, setProblem] = useState<ApiError | null>(null);
  usePageTitle(t.layout.pageTitle(slug ? ed.editTitle(event?.title ?? slug) : ed.newTitle));

  useEffect(() => clearFlash(), []);

  useEffect(() => {
    if (!slug) return;
    const controller = new AbortController();
    fetchOrganiserEvent(slug, controller.signal).then(
      (loaded) => {
        setEvent(loaded);
        setValues(eventToFormValues(loaded));
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoadError(toApiError(error));
      },
    );
    return () => controller.abort();
  }, [slug]);

  const editHref = (s: string) => href(routePath(routes.editEvent, { slug: s }));

  /** Saves the form; the saved event, or null when the API refused it (the errors are then shown). */
  const save = async (): Promise<OrganiserEvent | null> => {
    setMessage(null);
    setProblem(null);
    try {
      const saved = slug
        ? await updateEvent(slug, formValuesToBody(values))
        : await createEvent(formValuesToBody(values));
      setFieldErrors({});
      return saved;
    } catch (error) {
      const e = toApiError(error);
      if (Object.keys(e.fields).length > 0) {
        setFieldErrors(e.fields);
        setAttempt((n) => n + 1);
      } else setProblem(e);
      return null;
    }
  };

  const afterChange = (changed: OrganiserEvent, note: string) => {
    if (changed.slug !== slug) {
      setFlash(note);
      navigate(editHref(changed.slug), { replace: slug === null || changed.slug !== event?.slug });
      return;
    }
    setEvent(changed);
    setValues(eventToFormValues(changed));
    setMessage(note);
  };

  const run = async (kind: NonNullable<typeof busy>, work: () => Promise<void>) => {
    setBusy(kind);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof ApiError ? error : toApiError(error));
    } finally {
      setBusy(null);
    }
  };

  const onSave = () =>
    run('save', async () => {
      const saved = await save();
      if (saved) afterChange(saved, slug ? ed.saved : ed.created);
    });
  const onPublish = () =>
    run('publish', async () => {
      const saved = await save();
      if (saved) afterChange(await runEventAction(saved.slug, 'publish'), ed.published);
    });
  const onCancel = () =>
    run('cancel', async () => {
      if (!slug || !window.confirm(ed.confirmCancel)) return;
      afterChange(await runEventAction(slug, 'cancel'), ed.cancelled);
    });
  const onDuplicate = () =>
    run('duplicate', async () => {
      if (!slug) return;
      const copy = await runEventAction(slug, 'duplicate');
      setFlash(ed.duplicated);
      navigate(editHref(copy.slug));
    });

  if (loadError)
    return (
      <>
        <h1 tabIndex={-1}>{ed.editTitle(slug ?? '')}</h1>
        {loadError.status === 404 ? (
          <p className="panel">{t.organiser.notFound}</p>
        ) : (
          <ErrorNotice error={loadError} />
        )}
      </>
    );
  if (slug && !event)
    return (
      <p className="muted" role="status">
        {ed.loading}
      </p>
    );

  const labels: Record<string, string> = {
    title: ed.fields.title,
    slug: ed.fields.slug,
    description: ed.fields.description,
    startsAt: ed.fields.startsAt,
    endsAt: ed.fields.endsAt,
    mode: ed.fields.mode,
    address: ed.fields.address,
    language: ed.fields.language,
    registrationOpensAt: ed.fields.registrationOpensAt,
    registrationClosesAt: ed.fields.registrationClosesAt,
    capacity: ed.fields.capacity,
    waitlistEnabled: ed.fields.waitlistEnabled,
    'contact.name': `${ed.sections.contact}: ${ed.fields.contactName}`,
    'contact.email': `${ed.sections.contact}: ${ed.fields.contactEmail}`,
    'contact.phone': `${ed.sections.contact}: ${ed.fields.contactPhone}`,
    recorded: ed.fields.recorded,
    retentionDays: ed.fields.retentionDays,
    customQuestions: ed.sections.questions,
  };
  const labelOf = (field: string) => {
    const question = /^customQuestions\.(\d+)\./.exec(field);
    const label = question ? ed.questionLabel(Number(question[1]) + 1) : (labels[field] ?? field);
    return label.replace(/\s*\([^)]*\)$/, '');
  };
  const summary = sortFieldErrors(fieldErrors).map(([field, messages]) => ({
    inputId: fieldInputId(field),
    label: labelOf(field),
    message: describeFieldError(messages[0] ?? '', ed.fieldErrors),
  }));
  const cancelled = event?.status === 'cancelled';
  const title = slug ? ed.editTitle(event?.title ?? slug) : ed.newTitle;

  return (
    <>
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
      <div role="status" aria-live="polite">
        {message ? (
          <div className="notice notice--success">
            <p>{message}</p>
          </div>
        ) : null}
      </div>
      {cancelled ? (
        <div className="notice">
          <p>{ed.cancelledNotice}</p>
        </div>
      ) : null}
      {problem ? <ErrorNotice error={problem} /> : null}
      <ErrorSummary
        title={ed.errorSummary}
        intro={ed.errorCount(summary.length)}
        errors={summary}
        attempt={attempt}
      />
      <EventForm
        values={values}
        onChange={setValues}
        fieldErrors={fieldErrors}
        disabled={cancelled || busy !== null}
        onSubmit={() => void onSave()}
        slugTouched={slugTouched}
        onSlugTouched={() => setSlugTouched(true)}
        actions={
          cancelled ? null : (
            <>
              <button type="submit" className="button">
                {busy === 'save' ? ed.saving : ed.save}
              </button>
              {event?.status === 'draft' ? (
                <button type="button" className="button button--secondary" onClick={() => void onPublish()}>
                  {ed.publish}
                </button>
              ) : null}
              {event ? (
                <>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void onDuplicate()}
                  >
                    {ed.duplicate}
                  </button>
                  <button type="button" className="button button--danger" onClick={() => void onCancel()}>
                    {ed.cancelEvent}
                  </button>
                </>
              ) : null}
            </>
          )
        }
      />
      {event?.descriptionHtml ? (
        <section className="section" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{ed.preview}</h2>
          {/* Rendered and sanitised by the API with an allow-list of tags; no scripts or handlers survive. */}
          <div
            className="preview prose"
            lang={event.language}
            dangerouslySetInnerHTML={{ __html: event.descriptionHtml }}
          />
        </section>
      ) : null}
      {event && !cancelled ? <OrganiserRoomPanel slug={event.slug} /> : null}
    </>
  );
}
