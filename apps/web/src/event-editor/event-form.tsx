import type { EventMode, Locale } from '@folkemote/domain';
import type { FormEvent, ReactNode } from 'react';
import { CheckField, FormField } from '../shared/form-field.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { describeFieldError, type EventFormValues, fieldInputId, suggestSlug } from './event-form-values.ts';

const modes: EventMode[] = ['online', 'onsite', 'hybrid'];
const languages: Locale[] = ['nb', 'nn', 'en'];
const MAX_QUESTIONS = 5;

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
  const { t } = useLocale();
  const f = t.organiser.editor.fields;
  const ed = t.organiser.editor;
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const error = (field: string) => {
    const message = fieldErrors[field]?.[0];
    return message === undefined ? undefined : describeFieldError(message, ed.fieldErrors);
  };
  const text = (
    field: string,
    key: keyof EventFormValues,
    label: string,
    options: { hint?: string; type?: string; narrow?: boolean; autoComplete?: string } = {},
  ) => (
    <FormField
      id={fieldInputId(field)}
      label={label}
      hint={options.hint}
      error={error(field)}
      narrow={options.narrow}
    >
      {(control) => (
        <input
          {...control}
          type={options.type ?? 'text'}
          autoComplete={options.autoComplete ?? 'off'}
          value={values[key] as string}
          onChange={(event) => set(key, event.target.value as never)}
        />
      )}
    </FormField>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const questions = values.customQuestions;
  const setQuestion = (i: number, change: Partial<(typeof questions)[number]>) =>
    set(
      'customQuestions',
      questions.map((q, j) => (j === i ? { ...q, ...change } : q)),
    );
  const addQuestion = () => {
    const used = new Set(questions.map((q) => q.id));
    let n = questions.length + 1;
    while (used.has(`sporsmal-${n}`)) n++;
    set('customQuestions', [...questions, { id: `sporsmal-${n}`, label: '', required: false }]);
  };

  return (
    <form className="form" noValidate onSubmit={submit}>
      <fieldset disabled={disabled}>
        <legend>{ed.sections.about}</legend>
        <FormField id={fieldInputId('title')} label={f.title} error={error('title')}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              value={values.title}
              onChange={(event) => {
                const title = event.target.value;
                onChange({ ...values, title, slug: slugTouched ? values.slug : suggestSlug(title) });
              }}
            />
          )}
        </FormField>
        <FormField id={fieldInputId('slug')} label={f.slug} hint={f.slugHint} error={error('slug')}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={values.slug}
              onChange={(event) => {
                onSlugTouched();
                set('slug', event.target.value);
              }}
            />
          )}
        </FormField>
        <FormField
          id={fieldInputId('description')}
          label={f.description}
          hint={f.descriptionHint}
          error={error('description')}
        >
          {(control) => (
            <textarea
              {...control}
              value={values.description}
              onChange={(event) => set('description', event.target.value)}
            />
          )}
        </FormField>
        <FormField id={fieldInputId('language')} label={f.language} error={error('language')}>
          {(control) => (
            <select
              {...control}
              value={values.language}
              onChange={(event) => set('language', event.target.value as Locale)}
            >
              {languages.map((l) => (
                <option key={l} value={l}>
                  {ed.languages[l]}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{ed.sections.time}</legend>
        <div className="form-row">
          {text('startsAt', 'startsAt', f.startsAt, { type: 'datetime-local', hint: f.timeHint })}
          {text('endsAt', 'endsAt', f.endsAt, { type: 'datetime-local', hint: f.timeHint })}
        </div>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{ed.sections.place}</legend>
        <FormField id={fieldInputId('mode')} label={f.mode} error={error('mode')}>
          {(control) => (
            <select
              {...control}
              value={values.mode}
              onChange={(event) => set('mode', event.target.value as EventMode)}
            >
              {modes.map((m) => (
                <option key={m} value={m}>
                  {ed.modes[m]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {values.mode !== 'online'
          ? text('address', 'address', f.address, { hint: f.addressHint, autoComplete: 'street-address' })
          : null}
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{ed.sections.registration}</legend>
        <p className="field__hint">{f.registrationTimesHint}</p>
        <div className="form-row">
          {text('registrationOpensAt', 'registrationOpensAt', f.registrationOpensAt, {
            type: 'datetime-local',
            hint: f.timeHint,
          })}
          {text('registrationClosesAt', 'registrationClosesAt', f.registrationClosesAt, {
            type: 'datetime-local',
            hint: f.timeHint,
          })}
        </div>
        <FormField
          id={fieldInputId('capacity')}
          label={f.capacity}
          hint={f.capacityHint}
          error={error('capacity')}
          narrow
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              value={values.capacity}
              onChange={(event) => set('capacity', event.target.value)}
            />
          )}
        </FormField>
        {values.mode === 'hybrid' ? (
          <FormField
            id={fieldInputId('roomCapacity')}
            label={t.citizen.roomCapacity}
            hint={t.citizen.roomCapacityHint}
            error={error('roomCapacity')}
            narrow
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="numeric"
                value={values.roomCapacity}
                onChange={(event) => set('roomCapacity', event.target.value)}
              />
            )}
          </FormField>
        ) : null}
        <CheckField
          id={fieldInputId('waitlistEnabled')}
          label={f.waitlistEnabled}
          error={error('waitlistEnabled')}
          checked={values.waitlistEnabled}
          onChange={(checked) => set('waitlistEnabled', checked)}
        />
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{ed.sections.contact}</legend>
        {text('contact.name', 'contactName', f.contactName, { autoComplete: 'name' })}
        {text('contact.email', 'contactEmail', f.contactEmail, { type: 'email', autoComplete: 'email' })}
        {text('contact.phone', 'contactPhone', f.contactPhone, {
          type: 'tel',
          autoComplete: 'tel',
          narrow: true,
        })}
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{ed.sections.privacy}</legend>
        <CheckField
          id={fieldInputId('recorded')}
          label={f.recorded}
          hint={f.recordedHint}
          error={error('recorded')}
          checked={values.recorded}
          onChange={(checked) => set('recorded', checked)}
        />
        <FormField
          id={fieldInputId('retentionDays')}
          label={f.retentionDays}
          hint={f.retentionHint}
          error={error('retentionDays')}
          narrow
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              value={values.retentionDays}
              onChange={(event) => set('retentionDays', event.target.value)}
            />
          )}
        </FormField>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend id={fieldInputId('customQuestions')} tabIndex={-1}>
          {ed.sections.questions}
        </legend>
        <p className="field__hint">{ed.questionsHint}</p>
        {error('customQuestions') ? <p className="field__error">{error('customQuestions')}</p> : null}
        {questions.map((question, i) => (
          <div className="question" key={question.id}>
            <FormField
              id={fieldInputId(`customQuestions.${i}.label`)}
              label={ed.questionLabel(i + 1)}
              error={error(`customQuestions.${i}.label`)}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  autoComplete="off"
                  value={question.label}
                  onChange={(event) => setQuestion(i, { label: event.target.value })}
                />
              )}
            </FormField>
            <CheckField
              id={fieldInputId(`customQuestions.${i}.required`)}
              label={ed.questionRequired(i + 1)}
              checked={question.required}
              onChange={(required) => setQuestion(i, { required })}
            />
            <p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  set(
                    'customQuestions',
                    questions.filter((_, j) => j !== i),
                  )
                }
              >
                {ed.removeQuestion(i + 1)}
              </button>
            </p>
          </div>
        ))}
        {questions.length < MAX_QUESTIONS ? (
          <p>
            <button type="button" className="button button--secondary" onClick={addQuestion}>
              {ed.addQuestion}
            </button>
          </p>
        ) : null}
      </fieldset>

      <div className="form-actions">{actions}</div>
    </form>
  );
}
