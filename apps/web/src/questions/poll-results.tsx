import type { PollView } from '@folkemote/domain';
import { useLocale } from '../shared/use-locale.ts';

/** A poll's counts as bars with their numbers; or a line saying they are for the organisers. */
export function PollResults({ poll, mine }: { poll: PollView; mine?: readonly number[] }) {
  const { t } = useLocale();
  const p = t.polls;
  if (poll.answerCount === null) return <p className="muted">{p.resultsForStaff}</p>;
  const total = poll.answerCount;
  return (
    <div className="poll-results">
      <ul className="poll-results__list">
        {poll.options.map((option, i) => {
          const votes = option.votes ?? 0;
          const percent = total === 0 ? 0 : Math.round((votes / total) * 100);
          return (
            <li
              key={i}
              className={`poll-results__item${mine?.includes(i) ? ' poll-results__item--mine' : ''}`}
            >
              <span className="poll-results__text">{option.text}</span>
              <span className="poll-results__count">{p.votes(votes, percent)}</span>
              <span className="poll-results__bar" aria-hidden="true">
                <span style={{ width: `${percent}%` }} />
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted">{p.answers(total)}</p>
    </div>
  );
}
