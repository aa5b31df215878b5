import { useEffect, useId, useState } from 'react';
import { useLocation } from '../app/router/use-location.ts';
import { matchRouteWithParams } from '../app/routes.ts';
import { OrganiserGate } from '../auth/organiser-gate.tsx';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { ConnectionNote } from './connection-note.tsx';
import { describeQaError } from './describe-questions-error.ts';
import type { QaAuth } from './link-token.ts';
import { QuestionAnnouncer } from './question-announcer.tsx';
import { useEventRole } from './use-event-role.ts';
import { useEventTitle } from './use-event-title.ts';
import { useLinkAuth } from './use-link-auth.ts';
import { useQuestionQueue } from './use-question-queue.ts';
import './questions.css';
import { osloMomentFormat } from '../shared/format-date.ts';

/** How many questions from the queue the presenter sees coming. */
const NEXT_COUNT = 3;

/**
 * `/arrangement/<slug>/presentator#<token>`: the screen beside the camera. The
 * question being answered in large type, the next few, and a clock; it reads
 * on a phone as well as on a monitor. With "questions at the end" it stays
 * empty until the Q&A segment starts, so the queue does not distract the talk.
 */
export function PresenterPage() {
  const { pathname } = useLocation();
  const slug = matchRouteWithParams(pathname).params.slug ?? '';
  const auth = useLinkAuth('presenter', slug);
  const view = <PresenterView key={slug} slug={slug} auth={auth} />;
  return auth.kind === 'session' ? <OrganiserGate>{view}</OrganiserGate> : view;
}

function PresenterView({ slug, auth }: { slug: string; auth: QaAuth }) {
  const { t } = useLocale();
  const p = t.qa.presenter;
  const id = useId();
  const title = useEventTitle(slug);
  usePageTitle(t.layout.pageTitle(title ? p.title(title) : p.titleFallback));
  const queue = useQuestionQueue(slug, auth, null);
  const waiting = Boolean(queue.settings?.questionsAtEnd && !queue.settings.qaStarted);
  const now = waiting ? undefined : queue.questions.find((q) => q.status === 'highlighted');
  const next = waiting ? [] : queue.questions.filter((q) => q.status === 'live').slice(0, NEXT_COUNT);
  const notStaff = useEventRole(slug, auth) === 'attendee';
  const fatal = queue.error?.fatal ? queue.error.error : null;

  return (
    <div className="qa-presenter">
      <div className="qa-presenter__top">
        <h1 className="qa-presenter__title" tabIndex={-1}>
          {title ? p.title(title) : p.titleFallback}
        </h1>
        <Clock label={p.clock} />
      </div>
      {queue.error?.fatal ? null : <ConnectionNote status={queue.connection} />}
      <QuestionAnnouncer notices={queue.notices} kinds={['highlighted', 'qaStarted']} />
      {notStaff || fatal ? (
        <div className="notice notice--error" role="alert">
          <p>
            {notStaff || fatal?.status === 401 || fatal?.status === 403
              ? p.noAccess
              : describeQaError(fatal!, t.qa)}
          </p>
        </div>
      ) : queue.status === 'loading' ? (
        <p className="muted">{p.loading}</p>
      ) : waiting ? (
        <p className="qa-presenter__waiting">{p.waiting}</p>
      ) : (
        <>
          <section className="qa-presenter__now" aria-labelledby={`${id}-now`}>
            <h2 id={`${id}-now`}>{p.now}</h2>
            {now ? (
              <>
                <p className="qa-presenter__question" data-question-id={now.id}>
                  {now.text}
                </p>
                <p className="qa-presenter__meta">
                  {now.author && !now.anonymous ? `${t.qa.question.by(now.author.name)} · ` : ''}
                  {t.qa.question.votes(now.votes)}
                </p>
              </>
            ) : (
              <p className="qa-presenter__none">{p.none}</p>
            )}
          </section>
          <section className="qa-presenter__next" aria-labelledby={`${id}-next`}>
            <h2 id={`${id}-next`}>{p.next}</h2>
            {next.length === 0 ? (
              <p className="muted">{p.nextEmpty}</p>
            ) : (
              <ol>
                {next.map((question) => (
                  <li key={question.id} data-question-id={question.id}>
                    <span className="qa-presenter__next-text">{question.text}</span>{' '}
                    <span className="qa-presenter__next-votes">{t.qa.question.votes(question.votes)}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}

/** Oslo time to the minute, ticking over on the minute. Not a live region: a clock read aloud each minute would be noise. */
function Clock({ label }: { label: string }) {
  const { locale } = useLocale();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = new Date();
      setNow(current);
      timer = setTimeout(tick, 60_000 - (current.getTime() % 60_000) + 50);
    };
    timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
    return () => clearTimeout(timer);
  }, []);
  const text = osloMomentFormat(locale, null, 'short').format(now);
  return (
    <p className="qa-clock">
      <span className="visually-hidden">{label}: </span>
      <time dateTime={now.toISOString()}>{text}</time>
    </p>
  );
}
