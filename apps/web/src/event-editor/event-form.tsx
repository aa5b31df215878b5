import type { FormEvent, ReactNode } from 'react';
import { CustomQuestionsSection } from './event-form-questions.tsx';
import {
  AboutSection,
  ContactSection,
  PlaceSection,
  PrivacySection,
  RegistrationSection,
  TimeSection,
} from './event-form-sections.tsx';
import type { EventFormValues } from './event-form-values.ts';
import { useEventFormFields } from './use-event-form-fields.ts';

/** The event editor's fields; the page owns the values, the errors and what submitting does. */
export function EventForm({
  values,
  onChange,
  fieldErrors,
  disabled,
  onSubmit,
  actions,
  slugTouched,
  onSlugTouched,
}: {
  values: EventFormValues;
  onChange: (values: EventFormValues) => void;
  fieldErrors: Record<string, string[]>;
  disabled: boolean;
  onSubmit: () => void;
  actions: ReactNode;
  slugTouched: boolean;
  onSlugTouched: () => void;
}) {
  const form = useEventFormFields(values, onChange, fieldErrors);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="form" noValidate onSubmit={submit}>
      <AboutSection form={form} disabled={disabled} slugTouched={slugTouched} onSlugTouched={onSlugTouched} />
      <TimeSection form={form} disabled={disabled} />
      <PlaceSection form={form} disabled={disabled} />
      <RegistrationSection form={form} disabled={disabled} />
      <ContactSection form={form} disabled={disabled} />
      <PrivacySection form={form} disabled={disabled} />
      <CustomQuestionsSection form={form} disabled={disabled} />
      <div className="form-actions">{actions}</div>
    </form>
  );
}
