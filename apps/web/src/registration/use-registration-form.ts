import type { Attendance } from '@folkemote/domain';
import { type FormEvent, useState } from 'react';
import type { RegistrationMessages } from '../i18n/registration-messages.ts';
import { ApiError } from '../shared/api-error.ts';
import type { SummaryError } from '../shared/error-summary.tsx';
import { type RegistrationResult, submitRegistration } from './registration-api.ts';

export interface RegistrationFields {
  name: string;
  email: string;
  organisation: string;
  accessibilityNeeds: string;
  consent: boolean;
  website: string;
  answers: Record<string, string>;
  /** For a hybrid event: in person or online; empty until chosen. */
  attendance: '' | Attendance;
}

export type FieldName =
  | 'name'
  | 'email'
  | 'organisation'
  | 'accessibilityNeeds'
  | 'consent'
  | 'attendance'
  | `answers.${string}`;

const empty: RegistrationFields = {
  name: '',
  email: '',
  organisation: '',
  accessibilityNeeds: '',
  consent: false,
  website: '',
  answers: {},
  attendance: '',
};

/** The API's field messages, in the reader's language. */
function describeFieldError(
  field: string,
  message: string,
  t: RegistrationMessages['form']['errors'],
): string {
  if (field === 'consent') return t.consent;
  if (/required|at least 1/.test(message)) return t.required;
  if (field === 'email') return t.email;
  if (/at most/.test(message)) return t.tooLong;
  return t.generic;
}

/** Checks what can be checked before sending, so most mistakes are named without a round trip. */
function checkLocally(
  fields: RegistrationFields,
  required: string[],
  asksAttendance: boolean,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (asksAttendance && !fields.attendance) errors.attendance = 'is required';
  if (!fields.name.trim()) errors.name = 'is required';
  if (!fields.email.trim()) errors.email = 'is required';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.email.trim()))
    errors.email = 'must be a valid e-mail address';
  if (!fields.consent) errors.consent = 'must be accepted';
  for (const id of required) if (!fields.answers[id]?.trim()) errors[`answers.${id}`] = 'is required';
  return errors;
}

/**
 * The registration form's state: values, per-field errors (from the browser
 * check or the API's 400), a refusal (409/429) and the result.
 */
export function useRegistrationForm(
  slug: string,
  requiredQuestions: string[],
  t: RegistrationMessages,
  attendance: { asked: boolean; requiredText: string } = { asked: false, requiredText: '' },
) {
  const describe = (field: string, message: string) =>
    field === 'attendance' ? attendance.requiredText : describeFieldError(field, message, t.form.errors);
  const [fields, setFields] = useState<RegistrationFields>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [result, setResult] = useState<RegistrationResult | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const set = <K extends keyof RegistrationFields>(key: K, value: RegistrationFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));
  const setAnswer = (id: string, value: string) =>
    setFields((f) => ({ ...f, answers: { ...f.answers, [id]: value } }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setRefusal(null);
    const local = checkLocally(fields, requiredQuestions, attendance.asked);
    if (Object.keys(local).length > 0) {
      setErrors(Object.fromEntries(Object.entries(local).map(([k, m]) => [k, describe(k, m)])));
      setAttempt((a) => a + 1);
      return;
    }
    setSubmitting(true);
    try {
      const answers = Object.fromEntries(Object.entries(fields.answers).filter(([, v]) => v.trim()));
      setResult(
        await submitRegistration(slug, {
          name: fields.name,
          email: fields.email,
          ...(fields.organisation.trim() ? { organisation: fields.organisation } : {}),
          ...(fields.accessibilityNeeds.trim() ? { accessibilityNeeds: fields.accessibilityNeeds } : {}),
          ...(Object.keys(answers).length ? { answers } : {}),
          ...(attendance.asked && fields.attendance ? { attendance: fields.attendance } : {}),
          consent: fields.consent,
          ...(fields.website ? { website: fields.website } : {}),
        }),
      );
      setErrors({});
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(null, 'unknown', String(error));
      if (apiError.fields && Object.keys(apiError.fields).length > 0) {
        setErrors(
          Object.fromEntries(Object.entries(apiError.fields).map(([k, m]) => [k, describe(k, m[0] ?? '')])),
        );
        setAttempt((a) => a + 1);
      } else setRefusal(apiError);
    } finally {
      setSubmitting(false);
    }
  }

  const summary = (labels: Record<string, string>, inputIdFor: (field: string) => string): SummaryError[] =>
    Object.entries(errors).map(([field, message]) => ({
      inputId: inputIdFor(field),
      label: labels[field] ?? field,
      message,
    }));

  return { fields, set, setAnswer, errors, refusal, result, submitting, attempt, onSubmit, summary };
}
