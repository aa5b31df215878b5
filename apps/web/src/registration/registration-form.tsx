import type { PublicEventView } from '@folkemote/domain';
import { useEffect, useRef } from 'react';
import { ErrorSummary } from '../shared/error-summary.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { AttendanceField } from './attendance-field.tsx';
import {
  AnswerFields,
  ConsentField,
  HoneypotField,
  inputIdFor,
  PersonFields,
} from './registration-fields.tsx';
import { RefusalNotice, RegistrationResult } from './registration-result.tsx';
import { useRegistrationForm } from './use-registration-form.ts';

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
  const { t } = useLocale();
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

  if (form.result) return <RegistrationResult result={form.result} headingRef={resultHeading} />;

  const labels: Record<string, string> = {
    name: r.form.name,
    email: r.form.email,
    organisation: r.form.organisation,
    accessibilityNeeds: r.form.accessibility,
    consent: t.citizen.consentShort,
    attendance: t.citizen.attendance.legend,
    ...Object.fromEntries(event.customQuestions.map((q) => [`answers.${q.id}`, q.label])),
  };
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
      {form.refusal ? <RefusalNotice refusal={form.refusal} /> : null}
      <form noValidate onSubmit={form.onSubmit}>
        <PersonFields form={form} />
        {event.mode === 'hybrid' ? (
          <AttendanceField
            id={inputIdFor('attendance')}
            value={form.fields.attendance}
            error={form.errors.attendance}
            roomFull={event.roomSeatsLeft === 0}
            onChange={(value) => form.set('attendance', value)}
          />
        ) : null}
        <AnswerFields event={event} form={form} />
        <HoneypotField form={form} />
        <ConsentField slug={event.slug} form={form} />
        <button className="button" type="submit" disabled={form.submitting} aria-disabled={form.submitting}>
          {form.submitting ? r.form.submitting : r.form.submit}
        </button>
      </form>
    </section>
  );
}
