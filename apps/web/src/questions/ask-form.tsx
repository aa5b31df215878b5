import { QUESTION_MAX_LENGTH, type QuestionView } from '@folkemote/domain';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';
import { checkQuestionText, describeQaError } from './describe-questions-error.ts';
import type { QaAuth } from './link-token.ts';
import { askQuestion } from './questions-api.ts';
import { QaErrorNotice } from './questions-error-notice.tsx';

/** Characters left at which the count starts being read out, after a pause in typing. */
const SPEAK_COUNT_BELOW = 50;

/**
 * Asking: plain text up to the limit with a live count, and "anonymous to the
 * audience". The count is shown all the time but read out only near the limit,
 * once typing pauses, so a screen reader is not interrupted at every key.
 */
export function AskForm({
  slug,
  auth,
  onAsked,
}: {
  slug: string;
  auth: QaAuth;
  onAsked: (question: QuestionView) => void;
}) {
  const { t } = useLocale();
  const p = t.qa.panel;
  const id = useId();
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<'live' | 'pending' | null>(null);
  const [spokenCount, setSpokenCount] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);

  const used = text.trim().length;
  const left = QUESTION_MAX_LENGTH - used;

  useEffect(() => {
    const timer = setTimeout(() => {
      if (left < 0) setSpokenCount(p.over(-left));
      else if (left <= SPEAK_COUNT_BELOW) setSpokenCount(p.left(left));
      else setSpokenCount('');
    }, 800);
    return () => clearTimeout(timer);
  }, [left, p]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The button stays enabled while sending, so it keeps focus; a second press does nothing.
    if (busy) return;
    setSent(null);
    setFailure(null);
    const problem = checkQuestionText(text, QUESTION_MAX_LENGTH);
    if (problem) {
      setFieldError(problem === 'empty' ? t.qa.errors.empty : t.qa.errors.tooLong(QUESTION_MAX_LENGTH));
      field.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      const question = await askQuestion(slug, auth, { text: text.trim(), anonymous });
      onAsked(question);
      setText('');
      setAnonymous(false);
      setSent(question.status === 'pending' ? 'pending' : 'live');
    } catch (caught) {
      const error = toApiError(caught);
      if (error.status === 400 && error.fields.text) {
        setFieldError(describeQaError(error, t.qa));
        field.current?.focus();
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const describedBy = [`${id}-hint`, `${id}-count`, fieldError ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <form
      className="qa-ask"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-heading`}
    >
      <h3 id={`${id}-heading`}>{p.askHeading}</h3>
      {failure ? <QaErrorNotice error={failure} /> : null}
      <div className="field">
        <label htmlFor={`${id}-text`}>{p.askLabel}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {p.askHint(QUESTION_MAX_LENGTH)}
        </p>
        {fieldError ? (
          <p className="field__error" id={`${id}-error`}>
            {fieldError}
          </p>
        ) : null}
        <textarea
          id={`${id}-text`}
          ref={field}
          rows={3}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={describedBy}
        />
        <p className={left < 0 ? 'qa-count qa-count--over' : 'qa-count'} id={`${id}-count`}>
          {p.count(used, QUESTION_MAX_LENGTH)}
        </p>
        <p className="visually-hidden" aria-live="polite">
          {spokenCount}
        </p>
      </div>
      <div className="field">
        <div className="check">
          <input
            id={`${id}-anonymous`}
            type="checkbox"
            checked={anonymous}
            onChange={(event) => setAnonymous(event.target.checked)}
            aria-describedby={`${id}-anonymous-hint`}
          />
          <label htmlFor={`${id}-anonymous`}>{p.anonymous}</label>
        </div>
        <p className="field__hint" id={`${id}-anonymous-hint`}>
          {p.anonymousHint}
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? p.submitting : p.submit}
        </button>
      </div>
      <div role="status">
        {sent ? (
          <p className="notice notice--success">{sent === 'pending' ? p.sentPending : p.sent}</p>
        ) : null}
      </div>
    </form>
  );
}
