import { POLL_QUESTION_MAX_LENGTH } from '@folkemote/domain';
import { useId } from 'react';
import { CheckField, FormField, InputField } from '../shared/form-field.tsx';
import { useLocale } from '../shared/use-locale.ts';
import type { PollManagerState } from './use-poll-manager.ts';

/** The form for a new poll: the question, the choices one per line, and who sees the counts. */
export function PollForm({ polls }: { polls: PollManagerState }) {
  const m = useLocale().t.polls.manage;
  const id = useId();
  const { values, set, problems } = polls;
  return (
    <form
      className="poll-manager__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void polls.create();
      }}
    >
      <p className="muted">{m.intro}</p>
      <InputField
        id={`${id}-question`}
        label={m.question}
        error={problems.question}
        type="text"
        value={values.question}
        maxLength={POLL_QUESTION_MAX_LENGTH}
        onValueChange={(value) => set('question', value)}
      />
      <FormField id={`${id}-options`} label={m.options} hint={m.optionsHint} error={problems.options}>
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={values.options}
            onChange={(event) => set('options', event.target.value)}
          />
        )}
      </FormField>
      <CheckField
        id={`${id}-multiple`}
        label={m.multiple}
        checked={values.multiple}
        onChange={(checked) => set('multiple', checked)}
      />
      <fieldset className="field">
        <legend>{m.resultsTo}</legend>
        {(['everyone', 'staff'] as const).map((value) => (
          <div className="check" key={value}>
            <input
              id={`${id}-results-${value}`}
              type="radio"
              name={`${id}-results`}
              checked={values.resultsVisibility === value}
              onChange={() => set('resultsVisibility', value)}
            />
            <label htmlFor={`${id}-results-${value}`}>
              {value === 'everyone' ? m.resultsEveryone : m.resultsStaff}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button" aria-disabled={polls.busy || undefined}>
        {m.create}
      </button>
      <p role="status" className="qa-saved">
        {polls.saved}
      </p>
    </form>
  );
}
