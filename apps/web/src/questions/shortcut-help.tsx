import { useId } from 'react';
import { useLocale } from '../shared/use-locale.ts';
import { moderatorShortcuts } from './moderator-shortcuts.ts';

/** The keyboard shortcuts, written out on the page so nobody has to guess them. */
export function ShortcutHelp() {
  const { t } = useLocale();
  const s = t.qa.moderator.shortcuts;
  const id = useId();
  const label = {
    next: s.next,
    previous: s.previous,
    approve: s.approve,
    highlight: s.highlight,
    answered: s.answered,
    dismiss: s.dismiss,
    pin: s.pin,
    select: s.select,
  };
  return (
    <section className="panel qa-shortcuts" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{s.heading}</h2>
      <p>{s.intro}</p>
      <dl className="qa-shortcuts__list">
        {moderatorShortcuts.map(({ key, command }) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{label[command]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
