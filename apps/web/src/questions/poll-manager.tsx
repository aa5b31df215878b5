import type { PollResultsVisibility, PollView } from '@folkemote/domain';
import { useId, useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';
import type { QaAuth } from './link-token.ts';
import { PollResults } from './poll-results.tsx';
import { createPoll, setPollStatus } from './polls-api.ts';
import { QaErrorNotice } from './questions-error-notice.tsx';

/** The choices typed one per line: trimmed, blank lines dropped. */
export function readPollOptions(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Hosts' and moderators' polls: prepare one (a draft the audience does not
 * see), open it live (the open one closes), close it; the counts come live.
 * Presenters (`canManage` false) see the list and the counts only.
 */
export function PollManager({
  slug,
  auth,
  polls,
  canManage,
  onChanged,
}: {
  slug: string;
  auth: QaAuth;
  polls: readonly PollView[];
  canManage: boolean;
  onChanged: (poll: PollView) => void;
}) {
  const { t } = useLocale();
  const m = t.polls.manage;
  const id = useId();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [multiple, setMultiple] = useState(false);
  const [resultsVisibility, setResultsVisibility] = useState<PollResultsVisibility>('everyone');
  const [problems, setProblems] = useState<{ question?: string; options?: string }>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);

  const create = async () => {
    const choices = readPollOptions(options);
    const found = {
      ...(question.trim() === '' ? { question: m.needQuestion } : {}),
      ...(choices.length < 2 ||
      choices.length > 10 ||
      new Set(choices.map((c) => c.toLowerCase())).size !== choices.length
        ? { options: m.needOptions }
        : {}),
    };
    setProblems(found);
    setSaved('');
    if (Object.keys(found).length > 0 || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await createPoll(slug, auth, { question, options: choices, multiple, resultsVisibility }));
      setQuestion('');
      setOptions('');
      setMultiple(false);
      setSaved(m.created);
    } catch (caught) {
      setFailure(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const change = async (poll: PollView, status: 'open' | 'closed') => {
    setFailure(null);
    try {
      onChanged(await setPollStatus(poll.id, auth, status));
    } catch (caught) {
      setFailure(toApiError(caught));
    }
  };

  return (
    <section className="poll-section poll-manager" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{m.heading}</h3>
      {failure ? <QaErrorNotice error={failure} /> : null}
      {polls.length === 0 ? <p className="muted">{m.empty}</p> : null}
      <ul className="poll-manager__list">
        {polls.map((poll) => (
          <li key={poll.id} className="poll-card" data-poll-id={poll.id}>
            <p className="poll-card__status">
              <span className={`qa-tag poll-tag--${poll.status}`}>{t.polls.statuses[poll.status]}</span>
            </p>
            <p className="poll-card__question">{poll.question}</p>
            {poll.status === 'draft' ? (
              <ul className="poll-manager__choices">
                {poll.options.map((o, i) => (
                  <li key={i}>{o.text}</li>
                ))}
              </ul>
            ) : (
              <PollResults poll={poll} />
            )}
            {canManage && poll.status !== 'open' ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => void change(poll, 'open')}
              >
                {m.open}
                <span className="visually-hidden">: {poll.question}</span>
              </button>
            ) : null}
            {canManage && poll.status === 'open' ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => void change(poll, 'closed')}
              >
                {m.close}
                <span className="visually-hidden">: {poll.question}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <form
          className="poll-manager__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <p className="muted">{m.intro}</p>
          <div className="field">
            <label htmlFor={`${id}-question`}>{m.question}</label>
            <input
              id={`${id}-question`}
              type="text"
              value={question}
              maxLength={300}
              aria-invalid={problems.question ? true : undefined}
              aria-describedby={problems.question ? `${id}-question-error` : undefined}
              onChange={(event) => setQuestion(event.target.value)}
            />
            {problems.question ? (
              <p className="field__error" id={`${id}-question-error`}>
                {problems.question}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-options`}>{m.options}</label>
            <textarea
              id={`${id}-options`}
              rows={4}
              value={options}
              aria-invalid={problems.options ? true : undefined}
              aria-describedby={`${id}-options-hint${problems.options ? ` ${id}-options-error` : ''}`}
              onChange={(event) => setOptions(event.target.value)}
            />
            <p className="field__hint" id={`${id}-options-hint`}>
              {m.optionsHint}
            </p>
            {problems.options ? (
              <p className="field__error" id={`${id}-options-error`}>
                {problems.options}
              </p>
            ) : null}
          </div>
          <div className="field">
            <div className="check">
              <input
                id={`${id}-multiple`}
                type="checkbox"
                checked={multiple}
                onChange={(event) => setMultiple(event.target.checked)}
              />
              <label htmlFor={`${id}-multiple`}>{m.multiple}</label>
            </div>
          </div>
          <fieldset className="field">
            <legend>{m.resultsTo}</legend>
            {(['everyone', 'staff'] as const).map((value) => (
              <div className="check" key={value}>
                <input
                  id={`${id}-results-${value}`}
                  type="radio"
                  name={`${id}-results`}
                  checked={resultsVisibility === value}
                  onChange={() => setResultsVisibility(value)}
                />
                <label htmlFor={`${id}-results-${value}`}>
                  {value === 'everyone' ? m.resultsEveryone : m.resultsStaff}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {m.create}
          </button>
          <p role="status" className="qa-saved">
            {saved}
          </p>
        </form>
      ) : null}
    </section>
  );
}
