import type { PublicEventView } from '@folkemote/domain';
import { useEffect, useRef } from 'react';
import { useLocale } from '../hooks/use-locale.ts';
import { useRegistrationForm } from '../hooks/use-registration-form.ts';
import { routePath, routes } from '../routes.ts';
import { AttendanceField } from './attendance-field.tsx';
import { ErrorNotice } from './error-notice.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { CheckField, FormField } from './form-field.tsx';
import { Link } from './link.tsx';

const inputIdFor = (field: string) => `registration-${field.replace(/[^\w-]/g, '-')}`;

/**
 * The public registration form, its error state and its success state with the next steps.
 * `onRegistered` runs once a registration went in (the page then refreshes its seat count).
 */
export function RegistrationForm({
  event,
  onRegistered,
}: {
  event: PublicEventView;
  onRegistered?: () => void;
}) {
  const { t, href } = useLocale();
  const r = t.registration;
  const required = event.customQuestions.filter((q) => q.required).map((q) => q.id);
  const form = useRegistrationForm(event.slug, required, r, {
    asked: event.mode === 'hybrid',
    requiredText: t.citizen.attendance.required,
  });
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!form.result) return;
    resultHeading.current?.focus();
    onRegistered?.();
  }, [form.result, onRegistered]);

  if (form.result) {
    const { status, alreadyRegistered, joinUrl } = form.result;
    const personalPath = joinUrl ? new URL(joinUrl).pathname : null;
    return (
      <section className="panel" aria-labelledby="registration-result">
        <h2 id="registration-result" ref={resultHeading} tabIndex={-1}>
          {alreadyRegistered
            ? r.success.alreadyHeading
            : status === 'confirmed'
              ? r.success.confirmedHeading
              : r.success.waitlistedHeading}
        </h2>
        <p role="status">
          {alreadyRegistered
            ? r.success.alreadyText
            : status === 'confirmed'
              ? r.success.confirmedText
              : r.success.waitlistedText}
        </p>
        <h3>{r.success.nextSteps}</h3>
        <ul>
          <li>{r.success.stepEmail}</li>
          {status === 'confirmed' ? <li>{r.success.stepCalendar}</li> : null}
          <li>{r.success.stepLink}</li>
        </ul>
        {personalPath ? (
          <p>
            <Link className="button button--link" to={href(personalPath)}>
              {r.success.openLink}
            </Link>
          </p>
        ) : null}
      </section>
    );
  }

  const labels: Record<string, string> = {
    name: r.form.name,
    email: r.form.email,
    organisation: r.form.organisation,
    accessibilityNeeds: r.form.accessibility,
    consent: t.citizen.consentShort,
    attendance: t.citizen.attendance.legend,
    ...Object.fromEntries(event.customQuestions.map((q) => [`answers.${q.id}`, q.label])),
  };
  const optional = (label: string) => `${label} (${r.form.optional})`;
  const refusal = form.refusal;
  return (
    <section className="panel" aria-labelledby="registration-heading">
      <h2 id="registration-heading">{r.form.heading}</h2>
      <p className="muted">{r.form.intro}</p>
      <ErrorSummary
        title={r.form.errorTitle}
        intro={r.form.errorIntro}
        errors={form.summary(labels, inputIdFor)}
        attempt={form.attempt}
      />
      {refusal ? (
        refusal.status === 429 ? (
          <div className="notice notice--error" role="alert">
            <p>{r.form.errors.rateLimited}</p>
          </div>
        ) : refusal.status === 409 && refusal.code in refusalText(t) ? (
          <div className="notice notice--error" role="alert">
            <p>{refusalText(t)[refusal.code]}</p>
          </div>
        ) : (
          <ErrorNotice error={refusal} />
        )
      ) : null}
      <form noValidate onSubmit={form.onSubmit}>
        <FormField id={inputIdFor('name')} label={r.form.name} error={form.errors.name}>
          {(control) => (
            <input
              {...control}
              type="text"
              name="name"
              autoComplete="name"
              required
              maxLength={200}
              value={form.fields.name}
              onChange={(e) => form.set('name', e.target.value)}
            />
          )}
        </FormField>
        <FormField
          id={inputIdFor('email')}
          label={r.form.email}
          hint={r.form.emailHint}
          error={form.errors.email}
        >
          {(control) => (
            <input
              {...control}
              type="email"
              name="email"
              autoComplete="email"
              required
              maxLength={254}
              value={form.fields.email}
              onChange={(e) => form.set('email', e.target.value)}
            />
          )}
        </FormField>
        <FormField
          id={inputIdFor('organisation')}
          label={optional(r.form.organisation)}
          hint={r.form.organisationHint}
          error={form.errors.organisation}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              name="organisation"
              autoComplete="organization"
              maxLength={200}
              value={form.fields.organisation}
              onChange={(e) => form.set('organisation', e.target.value)}
            />
          )}
        </FormField>
        <FormField
          id={inputIdFor('accessibilityNeeds')}
          label={optional(r.form.accessibility)}
          hint={r.form.accessibilityHint}
          error={form.errors.accessibilityNeeds}
        >
          {(control) => (
            <textarea
              {...control}
              name="accessibilityNeeds"
              rows={3}
              maxLength={1000}
              value={form.fields.accessibilityNeeds}
              onChange={(e) => form.set('accessibilityNeeds', e.target.value)}
            />
          )}
        </FormField>
        {event.mode === 'hybrid' ? (
          <AttendanceField
            id={inputIdFor('attendance')}
            value={form.fields.attendance}
            error={form.errors.attendance}
            roomFull={event.roomSeatsLeft === 0}
            onChange={(value) => form.set('attendance', value)}
          />
        ) : null}
        {event.customQuestions.map((q) => (
          <FormField
            key={q.id}
            id={inputIdFor(`answers.${q.id}`)}
            label={q.required ? q.label : optional(q.label)}
            error={form.errors[`answers.${q.id}`]}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                required={q.required}
                maxLength={1000}
                value={form.fields.answers[q.id] ?? ''}
                onChange={(e) => form.setAnswer(q.id, e.target.value)}
              />
            )}
          </FormField>
        ))}
        {/* A trap for form-filling robots: hidden from people and from screen readers. */}
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor="registration-website">{r.form.honeypot}</label>
          <input
            id="registration-website"
            type="text"
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={form.fields.website}
            onChange={(e) => form.set('website', e.target.value)}
          />
        </div>
        <CheckField
          id={inputIdFor('consent')}
          label={r.form.consent}
          error={form.errors.consent}
          checked={form.fields.consent}
          onChange={(checked) => form.set('consent', checked)}
        />
        <p>
          <Link to={href(routePath(routes.eventPrivacy, { slug: event.slug }))}>
            {r.form.consentPrivacyLink}
          </Link>
        </p>
        <button className="button" type="submit" disabled={form.submitting} aria-disabled={form.submitting}>
          {form.submitting ? r.form.submitting : r.form.submit}
        </button>
      </form>
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
