import { useEffect, useRef, useState } from 'react';
import { useLocation } from '../app/router/use-location.ts';
import { matchRouteWithParams, routePath, routes } from '../app/routes.ts';
import { CalendarLink } from '../events/calendar-link.tsx';
import { EventFacts } from '../events/event-facts.tsx';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { osloMomentFormat } from '../shared/format-date.ts';
import { Link } from '../shared/link.tsx';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { offersRegistration } from './registration-status.tsx';
import { useOwnRegistration } from './use-own-registration.ts';

/** The page behind a registrant's personal link: their data, the join button, cancel and delete. */
export function PersonalLinkPage() {
  const { t, locale, href } = useLocale();
  const { pathname } = useLocation();
  const token = matchRouteWithParams(pathname).params.token ?? '';
  const own = useOwnRegistration(token);
  const p = t.registration.personal;
  const c = t.citizen;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [askCancel, setAskCancel] = useState(false);
  const outcome = useRef<HTMLParagraphElement>(null);
  usePageTitle(t.layout.pageTitle(p.title));
  const cancelled = own.state.status === 'ready' && own.state.data.registration.status === 'cancelled';
  useEffect(() => {
    if (cancelled || own.state.status === 'deleted') outcome.current?.focus();
  }, [cancelled, own.state.status]);

  if (own.state.status === 'loading')
    return (
      <p className="muted" role="status">
        {p.loading}
      </p>
    );
  if (own.state.status === 'deleted')
    return (
      <>
        <h1>{p.title}</h1>
        <p ref={outcome} tabIndex={-1} role="status">
          {p.deleted}
        </p>
      </>
    );
  if (own.state.status === 'error')
    return (
      <>
        <h1 tabIndex={-1}>{p.title}</h1>
        {own.state.error.status === 404 ? (
          <div className="notice notice--error" role="alert">
            <p>{p.invalid}</p>
          </div>
        ) : (
          <ErrorNotice error={own.state.error} />
        )}
      </>
    );

  const { registration, event } = own.state.data;
  const registeredAt = osloMomentFormat(locale, 'long', 'short').format(new Date(registration.createdAt));
  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{p.title}</h1>
        <p className="lead" lang={event.language}>
          <Link to={href(routePath(routes.event, { slug: event.slug }))}>{event.title}</Link>
        </p>
      </div>
      <div className="home-grid">
        <div>
          <EventFacts event={event} />
          {event.hasEnded && event.status === 'published' ? (
            <div className="notice">
              <p className="lead">{c.overPersonal}</p>
              {event.replayUrl ? (
                <p>
                  <a className="button" href={event.replayUrl}>
                    {c.watchReplay}
                  </a>
                </p>
              ) : event.recorded ? (
                <p>{c.replayComing}</p>
              ) : null}
            </div>
          ) : null}
          {registration.status === 'confirmed' && event.status === 'published' && !event.hasEnded ? (
            <section className="section" aria-labelledby="join-heading">
              <h2 id="join-heading" className="visually-hidden">
                {p.join}
              </h2>
              {/* The token rides in the fragment, which never reaches a server or its logs. */}
              <p>
                <Link
                  className="button"
                  to={`${href(routePath(routes.eventRoom, { slug: event.slug }))}#${token}`}
                  aria-describedby="join-later"
                >
                  {p.join}
                </Link>
              </p>
              <p id="join-later" className="muted">
                {p.joinLater}
              </p>
              <CalendarLink event={event} />
            </section>
          ) : null}
          <section className="section" aria-labelledby="data-heading">
            <h2 id="data-heading">{p.yourRegistration}</h2>
            <dl className="facts">
              <div>
                <dt>{p.statusLabel}</dt>
                <dd>{p.status[registration.status]}</dd>
              </div>
              <div>
                <dt>{p.name}</dt>
                <dd>{registration.name}</dd>
              </div>
              <div>
                <dt>{p.email}</dt>
                <dd>{registration.email}</dd>
              </div>
              <div>
                <dt>{p.organisation}</dt>
                <dd>{registration.organisation ?? p.none}</dd>
              </div>
              <div>
                <dt>{p.accessibility}</dt>
                <dd>{registration.accessibilityNeeds ?? p.none}</dd>
              </div>
              {registration.attendance ? (
                <div>
                  <dt>{c.attendance.label}</dt>
                  <dd>
                    {registration.attendance === 'in_person' ? c.attendance.inPerson : c.attendance.online}
                  </dd>
                </div>
              ) : null}
              {event.customQuestions.map((q) => (
                <div key={q.id}>
                  <dt>{q.label}</dt>
                  <dd>{registration.answers[q.id] ?? p.none}</dd>
                </div>
              ))}
              <div>
                <dt>{p.registeredAt}</dt>
                <dd>{registeredAt}</dd>
              </div>
            </dl>
          </section>
        </div>
        <div>
          {own.actionError ? <ErrorNotice error={own.actionError} /> : null}
          <section className="panel" aria-labelledby="cancel">
            <h2 id="cancel" tabIndex={-1}>
              {p.cancelHeading}
            </h2>
            {cancelled ? (
              <>
                <p ref={outcome} tabIndex={-1} role="status">
                  {p.cancelled}
                </p>
                {offersRegistration(event) ? (
                  <>
                    <p>{c.registerAgainText}</p>
                    <p>
                      <Link className="button" to={href(routePath(routes.event, { slug: event.slug }))}>
                        {c.registerAgain}
                      </Link>
                    </p>
                  </>
                ) : null}
              </>
            ) : (
              <>
                <p>{p.cancelText}</p>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setAskCancel(true)}
                  disabled={own.busy !== null}
                  aria-haspopup="dialog"
                >
                  {own.busy === 'cancel' ? p.cancelling : p.cancel}
                </button>
                <ConfirmDialog
                  open={askCancel}
                  title={c.cancelDialog.title}
                  text={c.cancelDialog.text}
                  confirm={c.cancelDialog.confirm}
                  keep={c.cancelDialog.keep}
                  onConfirm={own.cancel}
                  onClose={() => setAskCancel(false)}
                />
              </>
            )}
          </section>
          <section className="panel" aria-labelledby="delete-heading">
            <h2 id="delete-heading">{p.deleteHeading}</h2>
            <p>{p.deleteText}</p>
            <div className="check">
              <input
                id="confirm-delete"
                type="checkbox"
                checked={confirmDelete}
                onChange={(e) => setConfirmDelete(e.target.checked)}
              />
              <label htmlFor="confirm-delete">{p.deleteConfirm}</label>
            </div>
            <button
              type="button"
              className="button button--secondary"
              onClick={own.remove}
              disabled={!confirmDelete || own.busy !== null}
            >
              {own.busy === 'delete' ? p.deleting : p.delete}
            </button>
          </section>
          <p>
            <Link to={href(routePath(routes.eventPrivacy, { slug: event.slug }))}>{p.privacyLink}</Link>
          </p>
        </div>
      </div>
    </>
  );
}
