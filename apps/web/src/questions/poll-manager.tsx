import { canManagePolls, type EventRole, type PollView } from '@folkemote/domain';
import { useId } from 'react';
import { useLocale } from '../shared/use-locale.ts';
import type { QaAuth } from './link-token.ts';
import { PollForm } from './poll-form.tsx';
import { PollResults } from './poll-results.tsx';
import { QaErrorNotice } from './questions-error-notice.tsx';
import { usePollManager } from './use-poll-manager.ts';
import type { QuestionQueue } from './use-question-queue.ts';

/**
 * Hosts' and moderators' polls: prepare one (a draft the audience does not
 * see), open it live (the open one closes), close it; the counts come live.
 * Presenters (`canManage` false) see the list and the counts only.
 */
export function PollManager({
  slug,
  auth,
  queue,
  role,
}: {
  slug: string;
  auth: QaAuth;
  /** The live queue's polls, and where a poll the API answers with goes. */
  queue: Pick<QuestionQueue, 'polls' | 'applyLocalPoll'>;
  role: EventRole | null;
}) {
  const { t } = useLocale();
  const m = t.polls.manage;
  const id = useId();
  const manager = usePollManager(slug, auth, queue.applyLocalPoll);
  const canManage = role !== null && canManagePolls(role);
  const { polls } = queue;
  return (
    <section className="poll-section poll-manager" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{m.heading}</h3>
      {manager.failure ? <QaErrorNotice error={manager.failure} /> : null}
      {polls.length === 0 ? <p className="muted">{m.empty}</p> : null}
      <ul className="poll-manager__list">
        {polls.map((poll) => (
          <PollCard
            key={poll.id}
            poll={poll}
            canManage={canManage}
            onChange={(status) => void manager.change(poll, status)}
          />
        ))}
      </ul>
      {canManage ? <PollForm polls={manager} /> : null}
    </section>
  );
}

/** One poll in the staff's list: its status, question, choices or counts, and the button to open or close it. */
function PollCard({
  poll,
  canManage,
  onChange,
}: {
  poll: PollView;
  canManage: boolean;
  onChange: (status: 'open' | 'closed') => void;
}) {
  const { t } = useLocale();
  const m = t.polls.manage;
  const open = poll.status === 'open';
  return (
    <li className="poll-card" data-poll-id={poll.id}>
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
      {canManage ? (
        <button
          type="button"
          className={open ? 'button button--secondary button--small' : 'button button--small'}
          onClick={() => onChange(open ? 'closed' : 'open')}
        >
          {open ? m.close : m.open}
          <span className="visually-hidden">: {poll.question}</span>
        </button>
      ) : null}
    </li>
  );
}
