import type { CustomQuestion } from '@folkemote/domain';
import { CheckField, FormField } from '../shared/form-field.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { fieldInputId } from './event-form-values.ts';
import type { EventFormFields } from './use-event-form-fields.ts';

const MAX_QUESTIONS = 5;

/** Adding, changing and removing the event's own registration questions. */
function useCustomQuestions(form: EventFormFields) {
  const questions = form.values.customQuestions;
  const setQuestions = (next: CustomQuestion[]) => form.set('customQuestions', next);
  return {
    questions,
    canAdd: questions.length < MAX_QUESTIONS,
    change: (i: number, change: Partial<CustomQuestion>) =>
      setQuestions(questions.map((q, j) => (j === i ? { ...q, ...change } : q))),
    remove: (i: number) => setQuestions(questions.filter((_, j) => j !== i)),
    add: () => {
      // A new id that no question has, so that the answers already given keep theirs.
      const used = new Set(questions.map((q) => q.id));
      let n = questions.length + 1;
      while (used.has(`sporsmal-${n}`)) n++;
      setQuestions([...questions, { id: `sporsmal-${n}`, label: '', required: false }]);
    },
  };
}

/** Up to five questions of the organiser's own on the registration form. */
export function CustomQuestionsSection({ form, disabled }: { form: EventFormFields; disabled: boolean }) {
  const { t } = useLocale();
  const ed = t.organiser.editor;
  const { questions, canAdd, change, remove, add } = useCustomQuestions(form);
  const listError = form.error('customQuestions');
  return (
    <fieldset disabled={disabled}>
      <legend id={fieldInputId('customQuestions')} tabIndex={-1}>
        {ed.sections.questions}
      </legend>
      <p className="field__hint">{ed.questionsHint}</p>
      {listError ? <p className="field__error">{listError}</p> : null}
      {questions.map((question, i) => (
        <div className="question" key={question.id}>
          <FormField
            id={fieldInputId(`customQuestions.${i}.label`)}
            label={ed.questionLabel(i + 1)}
            error={form.error(`customQuestions.${i}.label`)}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                value={question.label}
                onChange={(event) => change(i, { label: event.target.value })}
              />
            )}
          </FormField>
          <CheckField
            id={fieldInputId(`customQuestions.${i}.required`)}
            label={ed.questionRequired(i + 1)}
            checked={question.required}
            onChange={(required) => change(i, { required })}
          />
          <p>
            <button type="button" className="button button--secondary" onClick={() => remove(i)}>
              {ed.removeQuestion(i + 1)}
            </button>
          </p>
        </div>
      ))}
      {canAdd ? (
        <p>
          <button type="button" className="button button--secondary" onClick={add}>
            {ed.addQuestion}
          </button>
        </p>
      ) : null}
    </fieldset>
  );
}
