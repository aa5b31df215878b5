import { useId } from 'react';
import { useLocale } from '../shared/use-locale.ts';
import type { ModeratorSection as Section } from './moderator-actions.ts';
import { ModeratorQuestion } from './moderator-question.tsx';
import type { ModeratorQueue } from './use-moderator-queue.ts';

/** One section of the moderator's queue (pending, highlighted, …): its heading and count, and its questions. */
export function ModeratorSection({ section, mod }: { section: Section; mod: ModeratorQueue }) {
  const m = useLocale().t.qa.moderator;
  const id = useId();
  const questions = mod.sections[section];
  return (
    <section className={`qa-section qa-section--${section}`} aria-labelledby={`${id}-${section}`}>
      <h2 id={`${id}-${section}`}>
        {m.sections[section]} <span className="qa-section__count">({questions.length})</span>
      </h2>
      {questions.length === 0 ? (
        <p className="muted">{m.empty[section]}</p>
      ) : (
        <ol className="qa-mod-list">
          {questions.map((question) => (
            <ModeratorQuestion
              key={question.id}
              question={question}
              selected={mod.selected.has(question.id)}
              busy={mod.busy.has(question.id)}
              mergeTargets={mod.mergeTargetsFor(question)}
              onSelect={(on) => mod.toggleSelected(question.id, on)}
              onAction={(action) => mod.act(question, action)}
              onPatch={(change) => mod.patch(question, change, null)}
              onMerge={(into) => mod.merge(question, into)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
