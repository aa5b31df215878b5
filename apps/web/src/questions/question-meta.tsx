import type { QuestionView } from '@folkemote/domain';
import { osloMomentFormat } from '../shared/format-date.ts';
import { useLocale } from '../shared/use-locale.ts';

/** Who asked and when, and the marks a question carries (pinned, corrected). */
export function QuestionMeta({ question, staff }: { question: QuestionView; staff: boolean }) {
  const { t, locale } = useLocale();
  const q = t.qa.question;
  const time = osloMomentFormat(locale, null, 'short').format(new Date(question.createdAt));
  const who = question.author ? q.by(question.author.name) : question.anonymous ? q.anonymous : q.nameDeleted;
  return (
    <p className="qa-meta">
      <span>{who}</span>
      {staff && question.anonymous ? <span className="qa-tag">{q.anonymousToAudience}</span> : null}
      <span>
        <time dateTime={question.createdAt}>{q.askedAt(time)}</time>
      </span>
      {question.pinned ? <span className="qa-tag qa-tag--pinned">{q.pinned}</span> : null}
      {question.edited ? <span className="qa-tag">{q.edited}</span> : null}
    </p>
  );
}
