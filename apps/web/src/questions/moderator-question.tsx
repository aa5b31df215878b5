import {
  ANSWER_MAX_LENGTH,
  QUESTION_MAX_LENGTH,
  type QuestionPatch,
  type QuestionView,
} from '@folkemote/domain';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { QaMessages } from '../i18n/questions-messages.ts';
import { useLocale } from '../shared/use-locale.ts';
import { actionsFor, type ModeratorAction } from './moderator-actions.ts';
import { oneLine } from './one-line.ts';
import { QuestionMeta } from './question-meta.tsx';

type OpenForm = 'edit' | 'answer' | 'merge' | null;

export interface ModeratorQuestionProps {
  question: QuestionView;
  selected: boolean;
  busy: boolean;
  /** Other questions this one can be merged into. */
  mergeTargets: readonly QuestionView[];
  onSelect: (selected: boolean) => void;
  onAction: (action: ModeratorAction) => void;
  /** Resolves true when the change was saved. */
  onPatch: (patch: QuestionPatch) => Promise<boolean>;
  onMerge: (into: string) => Promise<boolean>;
}

const actionLabel = (m: QaMessages['moderator'], action: ModeratorAction): string =>
  ({
    approve: m.approve,
    highlight: m.highlight,
    unhighlight: m.unhighlight,
    markAnswered: m.markAnswered,
    reopen: m.reopen,
    dismiss: m.dismiss,
    restore: m.restore,
    pin: m.pin,
    unpin: m.unpin,
  })[action];

/**
 * One question in the moderator view: text (with the original kept after a
 * correction), who asked, votes, the actions its place in the queue allows,
 * and small forms to fix typos, answer in writing or merge it into another.
 * The article takes focus for the keyboard shortcuts; every button is described
 * by the question's text, so a screen reader hears what "Approve" approves.
 */
export function ModeratorQuestion(props: ModeratorQuestionProps) {
  const { question, selected, busy, mergeTargets } = props;
  const { t } = useLocale();
  const m = t.qa.moderator;
  const id = useId();
  const textId = `${id}-text`;
  const [form, setForm] = useState<OpenForm>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const buttons = useRef<Partial<Record<'edit' | 'answer' | 'merge', HTMLButtonElement | null>>>({});

  const close = () => {
    const back = form ? buttons.current[form] : null;
    setForm(null);
    // The button that opened the form gets focus back, so keyboard users stay where they were.
    queueMicrotask(() => (back ?? opener.current)?.focus());
  };
  const toggle = (which: Exclude<OpenForm, null>) => setForm((current) => (current === which ? null : which));

  return (
    <li className={`qa-mod-item qa-mod-item--${question.status}`}>
      <article
        className="qa-mod-item__body"
        tabIndex={-1}
        data-question-id={question.id}
        aria-labelledby={textId}
      >
        <div className="qa-mod-item__head">
          <div className="check">
            <input
              id={`${id}-select`}
              type="checkbox"
              checked={selected}
              onChange={(event) => props.onSelect(event.target.checked)}
              aria-describedby={textId}
            />
            <label htmlFor={`${id}-select`}>{m.select}</label>
          </div>
          <p className="qa-votes">{t.qa.question.votes(question.votes)}</p>
        </div>
        <p className="qa-item__text" id={textId}>
          {question.text}
        </p>
        {question.edited && question.originalText ? (
          <p className="qa-original">
            <span className="qa-original__label">{m.original}:</span> {question.originalText}
          </p>
        ) : null}
        <QuestionMeta question={question} staff />
        {question.answer ? (
          <div className="qa-answer">
            <p className="qa-answer__label">{t.qa.question.answer}</p>
            <p>{question.answer}</p>
          </div>
        ) : null}
        <div className="qa-actions">
          {actionsFor(question).map((action) => (
            <button
              key={action}
              type="button"
              className={
                action === 'approve' || action === 'highlight' ? 'button' : 'button button--secondary'
              }
              aria-describedby={textId}
              aria-disabled={busy || undefined}
              onClick={(event) => {
                opener.current = event.currentTarget;
                if (!busy) props.onAction(action);
              }}
            >
              {actionLabel(m, action)}
            </button>
          ))}
          {question.status !== 'merged' && question.status !== 'dismissed' ? (
            <>
              <FormToggle
                label={m.edit}
                open={form === 'edit'}
                describedBy={textId}
                controls={`${id}-form`}
                buttonRef={(el) => {
                  buttons.current.edit = el;
                }}
                onClick={() => toggle('edit')}
              />
              <FormToggle
                label={question.answer ? m.editAnswer : m.answer}
                open={form === 'answer'}
                describedBy={textId}
                controls={`${id}-form`}
                buttonRef={(el) => {
                  buttons.current.answer = el;
                }}
                onClick={() => toggle('answer')}
              />
            </>
          ) : null}
          {question.status !== 'merged' ? (
            <FormToggle
              label={m.merge}
              open={form === 'merge'}
              describedBy={textId}
              controls={`${id}-form`}
              buttonRef={(el) => {
                buttons.current.merge = el;
              }}
              onClick={() => toggle('merge')}
            />
          ) : null}
        </div>
        <div id={`${id}-form`}>
          {form === 'edit' ? (
            <TextForm
              label={m.editLabel}
              hint={t.qa.panel.askHint(QUESTION_MAX_LENGTH)}
              initial={question.text}
              max={QUESTION_MAX_LENGTH}
              onCancel={close}
              onSave={async (text) => {
                if (await props.onPatch({ text })) close();
              }}
            />
          ) : null}
          {form === 'answer' ? (
            <TextForm
              label={m.answerLabel}
              hint={m.answerHint(ANSWER_MAX_LENGTH)}
              initial={question.answer ?? ''}
              max={ANSWER_MAX_LENGTH}
              allowEmpty
              onCancel={close}
              onSave={async (answer) => {
                if (await props.onPatch({ answer: answer === '' ? null : answer })) close();
              }}
            />
          ) : null}
          {form === 'merge' ? (
            <MergeForm
              targets={mergeTargets}
              onCancel={close}
              onMerge={async (into) => {
                if (await props.onMerge(into)) setForm(null);
              }}
            />
          ) : null}
        </div>
      </article>
    </li>
  );
}

function FormToggle({
  label,
  open,
  describedBy,
  controls,
  buttonRef,
  onClick,
}: {
  label: string;
  open: boolean;
  describedBy: string;
  controls: string;
  buttonRef: (el: HTMLButtonElement | null) => void;
  onClick: () => void;
}) {
  return (
    <button
      ref={buttonRef}
      type="button"
      className="button button--secondary"
      aria-expanded={open}
      aria-controls={controls}
      aria-describedby={describedBy}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

function TextForm({
  label,
  hint,
  initial,
  max,
  allowEmpty,
  onSave,
  onCancel,
}: {
  label: string;
  hint: string;
  initial: string;
  max: number;
  allowEmpty?: boolean;
  onSave: (value: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useLocale();
  const id = useId();
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = value.trim();
    if (!allowEmpty && trimmed === '') return setError(t.qa.errors.empty);
    if (trimmed.length > max) return setError(t.qa.errors.tooLong(max));
    setError(null);
    setBusy(true);
    try {
      await onSave(trimmed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="qa-inline-form" noValidate onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={`${id}-field`}>{label}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <textarea
          ref={field}
          id={`${id}-field`}
          rows={3}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onCancel();
          }}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t.qa.moderator.save}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t.qa.moderator.cancel}
        </button>
      </div>
    </form>
  );
}

function MergeForm({
  targets,
  onMerge,
  onCancel,
}: {
  targets: readonly QuestionView[];
  onMerge: (into: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useLocale();
  const m = t.qa.moderator;
  const id = useId();
  const [into, setInto] = useState(targets[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLSelectElement>(null);
  useEffect(() => field.current?.focus(), []);
  if (targets.length === 0)
    return (
      <div className="qa-inline-form">
        <p>{m.mergeNone}</p>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !into) return;
    setBusy(true);
    try {
      await onMerge(into);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="qa-inline-form" noValidate onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={`${id}-into`}>{m.mergeLabel}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {m.mergeHint}
        </p>
        <select
          ref={field}
          id={`${id}-into`}
          value={into}
          onChange={(event) => setInto(event.target.value)}
          aria-describedby={`${id}-hint`}
        >
          {targets.map((target) => (
            <option key={target.id} value={target.id}>
              {oneLine(target.text, 90)} ({t.qa.question.votes(target.votes)})
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {m.mergeSubmit}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
