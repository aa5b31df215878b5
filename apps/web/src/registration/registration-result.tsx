import type { Ref } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { Link } from '../shared/link.tsx';
import { useLocale } from '../shared/use-locale.ts';
import type { RegistrationResult as Result } from './registration-api.ts';

/** The success state: registered, on the waiting list or already registered, and the next steps. */
export function RegistrationResult({
  result,
  headingRef,
}: {
  result: Result;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t, href } = useLocale();
  const s = t.registration.success;
  const { status, alreadyRegistered, joinUrl } = result;
  const personalPath = joinUrl ? new URL(joinUrl).pathname : null;
  return (
    <section className="panel" aria-labelledby="registration-result">
      <h2 id="registration-result" ref={headingRef} tabIndex={-1}>
        {alreadyRegistered
          ? s.alreadyHeading
          : status === 'confirmed'
            ? s.confirmedHeading
            : s.waitlistedHeading}
      </h2>
      <p role="status">
        {alreadyRegistered ? s.alreadyText : status === 'confirmed' ? s.confirmedText : s.waitlistedText}
      </p>
      <h3>{s.nextSteps}</h3>
      <ul>
        <li>{s.stepEmail}</li>
        {status === 'confirmed' ? <li>{s.stepCalendar}</li> : null}
        <li>{s.stepLink}</li>
      </ul>
      {personalPath ? (
        <p>
          <Link className="button button--link" to={href(personalPath)}>
            {s.openLink}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function refusalText(t: ReturnType<typeof useLocale>['t']): Record<string, string> {
  const r = t.registration;
  return {
    registration_closed: r.state.closed,
    event_over: t.citizen.over,
    registration_not_open: r.state.closed,
    event_cancelled: r.state.cancelled,
    event_full: r.state.full,
    room_full: t.citizen.roomFull,
  };
}

/** Why the API turned the registration away: too many tries, the event's state, or another error. */
export function RefusalNotice({ refusal }: { refusal: ApiError }) {
  const { t } = useLocale();
  if (refusal.status === 429)
    return (
      <div className="notice notice--error" role="alert">
        <p>{t.registration.form.errors.rateLimited}</p>
      </div>
    );
  if (refusal.status === 409 && refusal.code in refusalText(t))
    return (
      <div className="notice notice--error" role="alert">
        <p>{refusalText(t)[refusal.code]}</p>
      </div>
    );
  return <ErrorNotice error={refusal} />;
}
