import { acceptsVotes, type EventRole, type QuestionSort, type QuestionView } from '@folkemote/domain';
import { useId, useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';
import { AskForm } from './ask-form.tsx';
import { AudiencePolls } from './audience-polls.tsx';
import { ConnectionNote } from './connection-note.tsx';
import type { QaAuth } from './link-token.ts';
import { PollManager } from './poll-manager.tsx';
import { QuestionAnnouncer } from './question-announcer.tsx';
import { QuestionMeta } from './question-meta.tsx';
import { voteQuestion } from './questions-api.ts';
import { SortChoice } from './sort-choice.tsx';
import { useQuestionQueue } from './use-question-queue.ts';
import './questions.css';
import { QaErrorNotice } from './questions-error-notice.tsx';

/**
 * The audience's Q&A beside the stage: ask, see one's own questions while they
 * wait for approval, vote (and take the vote back), in popular or recent order.
 * Changes arrive live; new and moved questions are announced politely.
 */
export function QuestionPanel({
  slug,
  auth,
  role = 'attendee',
  beforeStart = false,
}: {
  slug: string;
  auth: QaAuth;
  /** In the waiting room: the audience sees the panel only where the organiser takes questions before the start. */
  beforeStart?: boolean;
  /** Staff see the polls' tools (hosts and moderators) or results (presenters); attendees answer them. */
  role?: EventRole;
}) {
  const { t } = useLocale();
  const p = t.qa.panel;
  const headingId = useId();
  const [chosenSort, setChosenSort] = useState<QuestionSort | null>(null);
  const queue = useQuestionQueue(slug, auth, chosenSort);
  const [voting, setVoting] = useState<ReadonlySet<string>>(new Set());
  const [voteError, setVoteError] = useState<ApiError | null>(null);
  // Asking and voting are for registrants; staff (`fmp_`) and organiser (`fmt_`) tokens only watch the queue here.
  const canTakePart = auth.kind === 'token' && !/^fm[pt]_/.test(auth.token);

  const vote = async (question: QuestionView) => {
    if (voting.has(question.id)) return;
    setVoting((ids) => new Set(ids).add(question.id));
    setVoteError(null);
    try {
      const updated = await voteQuestion(question.id, auth, !question.myVote);
      if (updated) queue.applyLocal(updated);
    } catch (caught) {
      setVoteError(toApiError(caught));
    } finally {
      setVoting((ids) => {
        const next = new Set(ids);
        next.delete(question.id);
        return next;
      });
    }
  };

  if (beforeStart && role === 'attendee' && queue.settings?.questionsBeforeStart !== true) return null;

  const highlighted = queue.questions.filter((q) => q.status === 'highlighted');
  const inQueue = queue.questions.filter((q) => q.status === 'live' || q.status === 'pending');
  const answered = queue.questions.filter((q) => q.status === 'answered');
  const closed = queue.questions.filter((q) => q.mine && (q.status === 'dismissed' || q.status === 'merged'));
  const item = (question: QuestionView) => (
    <AudienceQuestion
      key={question.id}
      question={question}
      canVote={canTakePart && acceptsVotes(question.status)}
      busy={voting.has(question.id)}
      onVote={() => void vote(question)}
    />
  );

  return (
    <section className="qa-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{p.heading}</h2>
      <QuestionAnnouncer
        notices={queue.notices}
        kinds={['asked', 'highlighted', 'answered', 'answerAdded', 'pollOpened']}
      />
      {queue.error?.fatal ? null : <ConnectionNote status={queue.connection} />}
      {queue.error ? <QaErrorNotice error={queue.error.error} /> : null}
      {role === 'attendee' ? (
        <AudiencePolls
          polls={queue.polls}
          myAnswers={queue.myPollAnswers}
          auth={auth}
          canAnswer={canTakePart}
          onAnswered={queue.applyLocalPoll}
        />
      ) : (
        <PollManager slug={slug} auth={auth} queue={queue} role={role} />
      )}
      {canTakePart ? (
        <AskForm slug={slug} auth={auth} onAsked={queue.applyLocal} />
      ) : (
        <p className="muted">{p.staffView}</p>
      )}
      <div className="qa-panel__list">
        <h3>{p.listHeading}</h3>
        <SortChoice sort={queue.sort} onChange={setChosenSort} />
        {voteError ? <QaErrorNotice error={voteError} /> : null}
        {queue.status === 'loading' ? (
          <p className="muted">{p.loading}</p>
        ) : highlighted.length + inQueue.length + answered.length === 0 ? (
          <p className="muted">{canTakePart ? p.empty : p.emptyStaff}</p>
        ) : null}
        {highlighted.length > 0 ? (
          <>
            <h4>{p.nowAnswering}</h4>
            <ol className="qa-list qa-list--highlighted">{highlighted.map(item)}</ol>
          </>
        ) : null}
        {inQueue.length > 0 ? (
          <>
            <h4>{p.queue}</h4>
            <ol className="qa-list">{inQueue.map(item)}</ol>
          </>
        ) : null}
        {answered.length > 0 ? (
          <>
            <h4>{p.answered}</h4>
            <ol className="qa-list qa-list--answered">{answered.map(item)}</ol>
          </>
        ) : null}
        {closed.length > 0 ? (
          <>
            <h4>{p.closedHeading}</h4>
            <ul className="qa-list qa-list--closed">
              {closed.map((question) => (
                <li key={question.id} className="qa-item">
                  <p className="qa-item__text">{question.text}</p>
                  <p className="muted">{question.status === 'merged' ? p.ownMerged : p.ownDismissed}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}

function AudienceQuestion({
  question,
  canVote,
  busy,
  onVote,
}: {
  question: QuestionView;
  canVote: boolean;
  busy: boolean;
  onVote: () => void;
}) {
  const { t } = useLocale();
  const p = t.qa.panel;
  const textId = useId();
  return (
    <li
      className={`qa-item${question.mine ? ' qa-item--mine' : ''}${question.status === 'pending' ? ' qa-item--pending' : ''}`}
      data-question-id={question.id}
    >
      {question.mine || question.status === 'pending' ? (
        <p className="qa-item__flags">
          {question.mine ? <span className="qa-tag qa-tag--mine">{p.yours}</span> : null}
          {question.status === 'pending' ? (
            <span className="qa-tag qa-tag--pending">{t.qa.statuses.pending}</span>
          ) : null}
        </p>
      ) : null}
      <p className="qa-item__text" id={textId}>
        {question.text}
      </p>
      <QuestionMeta question={question} staff={false} />
      {question.answer ? (
        <div className="qa-answer">
          <p className="qa-answer__label">{t.qa.question.answer}</p>
          <p>{question.answer}</p>
        </div>
      ) : null}
      {canVote ? (
        <button
          type="button"
          className="qa-vote"
          aria-pressed={question.myVote}
          aria-describedby={textId}
          onClick={onVote}
          aria-disabled={busy || undefined}
        >
          <span aria-hidden="true" className="qa-vote__arrow">
            ▲
          </span>
          <span className="visually-hidden">{p.voteFor(question.votes)}</span>
          <span aria-hidden="true">
            {p.vote} <span className="qa-vote__count">{question.votes}</span>
          </span>
        </button>
      ) : (
        <p className="qa-votes">{t.qa.question.votes(question.votes)}</p>
      )}
    </li>
  );
}
