import type { OrganiserEvent } from '@folkemote/contract';
import { type FormEvent, useCallback, useId, useState } from 'react';
import { useLocation } from '../app/router/use-location.ts';
import { matchRouteWithParams, routePath, routes } from '../app/routes.ts';
import { describeFieldError } from '../event-editor/event-form-values.ts';
import {
  type EventRegistrations,
  fetchEventRegistrations,
  fetchOrganiserEvent,
  sendEventMessage,
} from '../event-editor/organiser-events-api.ts';
import { checkInMessages } from '../i18n/check-in-messages.ts';
import { ApiError } from '../shared/api-error.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { ErrorSummary } from '../shared/error-summary.tsx';
import { FormField } from '../shared/form-field.tsx';
import { formatEventTime, osloMomentFormat } from '../shared/format-date.ts';
import { Link } from '../shared/link.tsx';
import { toApiError, useApiResource } from '../shared/use-api-resource.ts';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { AttendanceCounts } from './attendance-counts.tsx';
import { RoomAttendance } from './room-attendance.tsx';

export function EventRegistrationsPage() {
  const { pathname } = useLocation();
  const slug = matchRouteWithParams(pathname).params.slug ?? '';
  return <EventRegistrationsView key={slug} slug={slug} />;
}

function EventRegistrationsView({ slug }: { slug: string }) {
  const { t, href, locale } = useLocale();
  const r = t.organiser.registrations;
  const captionId = useId();
  const load = useCallback(
    async (signal: AbortSignal): Promise<{ event: OrganiserEvent; list: EventRegistrations }> => {
      const [event, list] = await Promise.all([
        fetchOrganiserEvent(slug, signal),
        fetchEventRegistrations(slug, signal),
      ]);
      return { event, list };
    },
    [slug],
  );
  const data = useApiResource(load);
  const title = data.status === 'ready' ? data.data.event.title : slug;
  usePageTitle(t.layout.pageTitle(r.title(title)));
  const dateTime = osloMomentFormat(locale, 'short', 'short');
  // The event's own questions, each with its column of answers.
  const questions = data.status === 'ready' ? data.data.event.customQuestions : [];

  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{r.title(title)}</h1>
        {data.status === 'ready' ? (
          <p>
            <time dateTime={data.data.event.startsAt}>
              {formatEventTime(data.data.event.startsAt, data.data.event.endsAt, locale)}
            </time>
            {' · '}
            <Link to={href(routePath(routes.editEvent, { slug }))}>{r.backToEvent}</Link>
            {data.data.event.mode === 'online' ? null : (
              <>
                {' · '}
                <Link to={href(routePath(routes.eventCheckIn, { slug }))}>
                  {checkInMessages[locale].link}
                </Link>
              </>
            )}
          </p>
        ) : null}
        <p className="lead">{r.intro}</p>
      </div>
      {data.status === 'loading' ? (
        <p className="muted" role="status">
          {r.loading}
        </p>
      ) : null}
      {data.status === 'error' ? (
        data.error.status === 404 ? (
          <p className="panel">{t.organiser.notFound}</p>
        ) : (
          <ErrorNotice error={data.error} />
        )
      ) : null}
      {data.status === 'ready' ? (
        <>
          <dl className="counts">
            <div>
              <dt>{r.counts.confirmed}</dt>
              <dd>{data.data.list.counts.confirmed}</dd>
            </div>
            <div>
              <dt>{r.counts.waitlisted}</dt>
              <dd>{data.data.list.counts.waitlisted}</dd>
            </div>
            <div>
              <dt>{r.counts.cancelled}</dt>
              <dd>{data.data.list.counts.cancelled}</dd>
            </div>
          </dl>
          {data.data.list.attendance ? <AttendanceCounts counts={data.data.list.attendance} /> : null}
          <p>
            {data.data.list.capacity === null ? r.noCapacity : r.capacity(data.data.list.capacity)}
            {' · '}
            <a
              href={`/api/events/${encodeURIComponent(slug)}/registrations?format=csv&lang=${locale}`}
              download
            >
              {r.csv}
            </a>
          </p>
          {data.data.list.registrations.length === 0 ? (
            <p className="panel">{r.empty}</p>
          ) : (
            // A table wider than a phone scrolls sideways: the region takes focus, so the keyboard scrolls it too.
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1)
            <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
              <table className="data-table">
                <caption id={captionId}>{r.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{r.columns.name}</th>
                    <th scope="col">{r.columns.email}</th>
                    <th scope="col">{r.columns.organisation}</th>
                    <th scope="col">{r.columns.status}</th>
                    <th scope="col">{r.columns.registeredAt}</th>
                    <th scope="col">{r.columns.needs}</th>
                    {questions.map((q) => (
                      <th scope="col" key={q.id} lang={data.data.event.language}>
                        {q.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.data.list.registrations.map((registration) => (
                    <tr key={registration.id}>
                      <th scope="row">{registration.name}</th>
                      <td>{registration.email}</td>
                      <td>{registration.organisation ?? ''}</td>
                      <td>{r.statuses[registration.status]}</td>
                      <td>
                        <time dateTime={registration.createdAt}>
                          {dateTime.format(new Date(registration.createdAt))}
                        </time>
                      </td>
                      <td>{registration.accessibilityNeeds ?? ''}</td>
                      {questions.map((q) => (
                        <td key={q.id}>{registration.answers[q.id] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {/* Only online and hybrid events have a live room to have been in. */}
          {data.data.event.mode === 'onsite' ? null : <RoomAttendance slug={slug} />}
          <MessageForm slug={slug} />
        </>
      ) : null}
    </>
  );
}

function MessageForm({ slug }: { slug: string }) {
  const { t } = useLocale();
  const r = t.organiser.registrations;
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSent(false);
    setProblem(null);
    try {
      await sendEventMessage(slug, { subject, body });
      setFields({});
      setSubject('');
      setBody('');
      setSent(true);
    } catch (error) {
      const e = error instanceof ApiError ? error : toApiError(error);
      if (Object.keys(e.fields).length > 0) {
        setFields(e.fields);
        setAttempt((n) => n + 1);
      } else setProblem(e);
    } finally {
      setBusy(false);
    }
  };
  const error = (field: string) =>
    fields[field] ? describeFieldError(fields[field][0] ?? '', t.organiser.editor.fieldErrors) : undefined;
  const summary = (['subject', 'body'] as const)
    .filter((field) => fields[field])
    .map((field) => ({
      inputId: `message-${field}`,
      label: (field === 'subject' ? r.subject : r.body).replace(/\s*\([^)]*\)$/, ''),
      message: error(field) ?? '',
    }));

  return (
    <section className="section" aria-labelledby="message-heading">
      <h2 id="message-heading">{r.messageHeading}</h2>
      <p>{r.messageIntro}</p>
      <div role="status" aria-live="polite">
        {sent ? (
          <div className="notice notice--success">
            <p>{r.sent}</p>
          </div>
        ) : null}
      </div>
      {problem ? <ErrorNotice error={problem} /> : null}
      <ErrorSummary
        title={t.organiser.editor.errorSummary}
        intro={t.organiser.editor.errorCount(summary.length)}
        errors={summary}
        attempt={attempt}
      />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormField id="message-subject" label={r.subject} error={error('subject')}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={subject}
              onChange={(event) => setSubject(event.target.value)}
            />
          )}
        </FormField>
        <FormField id="message-body" label={r.body} error={error('body')}>
          {(control) => (
            <textarea {...control} value={body} onChange={(event) => setBody(event.target.value)} />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} aria-disabled={busy || undefined}>
            {busy ? r.sending : r.send}
          </button>
        </div>
      </form>
    </section>
  );
}
