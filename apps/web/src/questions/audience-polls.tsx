import type { PollView } from '@folkemote/domain';
import { useId, useState } from 'react';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';
import type { QaAuth } from './link-token.ts';
import { PollResults } from './poll-results.tsx';
import { answerPoll } from './polls-api.ts';

/** The polls opened so far, newest first: the open one to answer (once), the others' results. */
export function AudiencePolls({
  polls,
  myAnswers,
  auth,
  canAnswer,
  onAnswered,
}: {
  polls: readonly PollView[];
  myAnswers: ReadonlyMap<string, readonly number[]>;
  auth: QaAuth;
  canAnswer: boolean;
  onAnswered: (poll: PollView, choices: number[]) => void;
}) {
  const { t } = useLocale();
  const headingId = useId();
  const shown = polls.filter((poll) => poll.status !== 'draft').reverse();
  if (shown.length === 0) return null;
  return (
    <section className="poll-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.polls.heading}</h3>
      {shown.map((poll) => (
        <AudiencePoll
          key={poll.id}
          poll={poll}
          mine={myAnswers.get(poll.id)}
          auth={auth}
          canAnswer={canAnswer}
          onAnswered={onAnswered}
        />
      ))}
    </section>
  );
}

function AudiencePoll({
  poll,
  mine,
  auth,
  canAnswer,
  onAnswered,
}: {
  poll: PollView;
  mine: readonly number[] | undefined;
  auth: QaAuth;
  canAnswer: boolean;
  onAnswered: (poll: PollView, choices: number[]) => void;
}) {
  const { t } = useLocale();
  const p = t.polls;
  const id = useId();
  const [chosen, setChosen] = useState<number[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const answering = poll.status === 'open' && canAnswer && !mine;

  const send = async () => {
    if (sending) return;
    if (chosen.length === 0) {
      setError(poll.multiple ? p.errors.pickAny : p.errors.pickOne);
      return;
    }
    setSending(true);
    setError(null);
    try {
      const answered = await answerPoll(poll.id, auth, chosen);
      onAnswered(answered.poll, answered.choices);
    } catch (caught) {
      const failure = toApiError(caught);
      setError(
        failure.code === 'already_answered'
          ? p.errors.already
          : failure.code === 'poll_not_open'
            ? p.errors.notOpen
            : p.errors.failed,
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <article className="poll-card" data-poll-id={poll.id} aria-labelledby={`${id}-q`}>
      <p className="poll-card__status">
        <span className={`qa-tag poll-tag--${poll.status}`}>{p.statuses[poll.status]}</span>
      </p>
      {answering ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <fieldset aria-describedby={error ? `${id}-error` : undefined}>
            <legend id={`${id}-q`} className="poll-card__question">
              {poll.question}
              <span className="poll-card__hint">{poll.multiple ? p.chooseMany : p.chooseOne}</span>
            </legend>
            {poll.options.map((option, i) => (
              <div className="check" key={i}>
                <input
                  id={`${id}-${i}`}
                  type={poll.multiple ? 'checkbox' : 'radio'}
                  name={`${id}-choice`}
                  checked={chosen.includes(i)}
                  onChange={(event) =>
                    setChosen((current) =>
                      poll.multiple
                        ? event.target.checked
                          ? [...current, i]
                          : current.filter((c) => c !== i)
                        : [i],
                    )
                  }
                />
                <label htmlFor={`${id}-${i}`}>{option.text}</label>
              </div>
            ))}
          </fieldset>
          {error ? (
            <p className="field__error" id={`${id}-error`} role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button" aria-disabled={sending || undefined}>
            {sending ? p.sending : p.submit}
          </button>
        </form>
      ) : (
        <>
          <p id={`${id}-q`} className="poll-card__question">
            {poll.question}
          </p>
          {mine ? <p className="poll-card__done">{p.answered}</p> : null}
          <PollResults poll={poll} mine={mine} />
        </>
      )}
    </article>
  );
}
