import { useLocale } from '../shared/use-locale.ts';
import { oneLine } from './one-line.ts';
import type { NoticeKind, QueueNotice } from './question-queue.ts';

const MAX_SPOKEN = 140;

/**
 * A polite live region for changes in the queue: new questions and moves
 * (approved, highlighted, answered…), never votes, so a busy session does not
 * drown the screen reader. Present from the first render, so it is listened to
 * before the first change comes.
 */
export function QuestionAnnouncer({
  notices,
  kinds,
}: {
  notices: readonly QueueNotice[];
  /** The kinds this view announces. */
  kinds: readonly NoticeKind[];
}) {
  const { t } = useLocale();
  const shown = notices.filter((n) => kinds.includes(n.kind)).slice(-3);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="qa-announcer">
      {shown.map((notice) => (
        <p key={notice.key}>
          {notice.kind === 'qaStarted'
            ? t.qa.announce.qaStarted
            : t.qa.announce[notice.kind](oneLine(notice.text, MAX_SPOKEN))}
        </p>
      ))}
    </div>
  );
}
