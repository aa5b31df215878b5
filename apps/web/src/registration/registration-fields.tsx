import type { PublicEventView } from '@folkemote/domain';
import { routePath, routes } from '../app/routes.ts';
import { CheckField, FormField } from '../shared/form-field.tsx';
import { Link } from '../shared/link.tsx';
import { useLocale } from '../shared/use-locale.ts';
import type { useRegistrationForm } from './use-registration-form.ts';

export type RegistrationFormState = ReturnType<typeof useRegistrationForm>;

export const inputIdFor = (field: string) => `registration-${field.replace(/[^\w-]/g, '-')}`;

/** A label with "(optional)" after it. */
export function useOptional(): (label: string) => string {
  const { t } = useLocale();
  return (label) => `${label} (${t.registration.form.optional})`;
}

/** Name and e-mail (required), organisation and accessibility needs (optional). */
export function PersonFields({ form }: { form: RegistrationFormState }) {
  const { t } = useLocale();
  const r = t.registration.form;
  const optional = useOptional();
  return (
    <>
      <FormField id={inputIdFor('name')} label={r.name} error={form.errors.name}>
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
      <FormField id={inputIdFor('email')} label={r.email} hint={r.emailHint} error={form.errors.email}>
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
        label={optional(r.organisation)}
        hint={r.organisationHint}
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
        label={optional(r.accessibility)}
        hint={r.accessibilityHint}
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
    </>
  );
}

/** The organiser's own questions, required or optional as they set them. */
export function AnswerFields({ event, form }: { event: PublicEventView; form: RegistrationFormState }) {
  const optional = useOptional();
  return event.customQuestions.map((q) => (
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
  ));
}

/** A trap for form-filling robots: hidden from people and from screen readers. */
export function HoneypotField({ form }: { form: RegistrationFormState }) {
  const { t } = useLocale();
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label htmlFor="registration-website">{t.registration.form.honeypot}</label>
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
  );
}

/** The consent to the processing, with the way to the event's privacy page. */
export function ConsentField({ slug, form }: { slug: string; form: RegistrationFormState }) {
  const { t, href } = useLocale();
  const r = t.registration.form;
  return (
    <>
      <CheckField
        id={inputIdFor('consent')}
        label={r.consent}
        error={form.errors.consent}
        checked={form.fields.consent}
        onChange={(checked) => form.set('consent', checked)}
      />
      <p>
        <Link to={href(routePath(routes.eventPrivacy, { slug }))}>{r.consentPrivacyLink}</Link>
      </p>
    </>
  );
}
