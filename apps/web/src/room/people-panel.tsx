import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { osloMomentFormat } from '../shared/format-date.ts';
import { useLocale } from '../shared/use-locale.ts';
import type { RoomView } from './room-api.ts';

/**
 * For hosts, presenters and moderators: raised hands (oldest first) to bring on stage, the
 * people on stage to send back, and removal after a question. A newly raised hand is announced.
 */
export function PeoplePanel({
  view,
  busy,
  onStage,
  onRemove,
}: {
  view: RoomView;
  busy: string | null;
  onStage: (identity: string, onStage: boolean) => void;
  onRemove: (identity: string) => void;
}) {
  const { t, locale } = useLocale();
  const p = t.room.people;
  const [removing, setRemoving] = useState<{ identity: string; displayName: string } | null>(null);
  const announcement = useNewHands(view.hands);
  const idle = busy === null;

  const removeButton = (person: { identity: string; displayName: string }) => (
    <button
      type="button"
      className="button button--secondary"
      aria-disabled={!idle || undefined}
      onClick={() => {
        if (idle) setRemoving(person);
      }}
    >
      {p.remove}
      <span className="visually-hidden">: {person.displayName}</span>
    </button>
  );

  return (
    <section className="panel people-panel" aria-labelledby="hands-heading">
      <h2 id="hands-heading">{p.handsHeading(view.hands.length)}</h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {view.hands.length === 0 ? (
        <p className="muted">{p.noHands}</p>
      ) : (
        <ul className="people-list" aria-labelledby="hands-heading">
          {view.hands.map((hand) => (
            <li key={hand.identity} className="people-list__item">
              <span className="people-list__name">
                {hand.displayName}{' '}
                <span className="muted">
                  {p.raisedAt(osloMomentFormat(locale, null, 'short').format(new Date(hand.raisedAt)))}
                </span>
              </span>
              <span className="people-list__actions">
                <button
                  type="button"
                  className="button"
                  aria-disabled={!idle || undefined}
                  onClick={() => {
                    if (idle) onStage(hand.identity, true);
                  }}
                >
                  {p.bringOnStage}
                  <span className="visually-hidden">: {hand.displayName}</span>
                </button>
                {removeButton(hand)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3 id="stage-people-heading">{t.room.stage.onStageHeading}</h3>
      {view.stage.length === 0 ? (
        <p className="muted">{t.room.stage.nobody}</p>
      ) : (
        <ul className="people-list" aria-labelledby="stage-people-heading">
          {view.stage.map((person) => {
            const me = person.identity === view.me.identity;
            const invited = person.role === 'attendee' || person.role === 'moderator';
            return (
              <li key={person.identity} className="people-list__item">
                <span className="people-list__name">
                  {person.displayName}{' '}
                  <span className="muted">
                    ({t.room.roles[person.role]}
                    {me ? `, ${p.you}` : ''})
                  </span>
                </span>
                {me || !invited ? null : (
                  <span className="people-list__actions">
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-disabled={!idle || undefined}
                      onClick={() => {
                        if (idle) onStage(person.identity, false);
                      }}
                    >
                      {p.backToAudience}
                      <span className="visually-hidden">: {person.displayName}</span>
                    </button>
                    {person.role === 'attendee' ? removeButton(person) : null}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        danger
        open={removing !== null}
        title={p.confirmRemoveTitle(removing?.displayName ?? '')}
        text={p.confirmRemoveText}
        confirm={p.confirmRemove}
        keep={t.room.run.cancel}
        onConfirm={() => {
          if (removing) onRemove(removing.identity);
          setRemoving(null);
        }}
        onClose={() => setRemoving(null)}
      />
    </section>
  );
}

/** The sentence announcing hands raised since the last view; empty when there are none. */
function useNewHands(hands: RoomView['hands']): string {
  const { t } = useLocale();
  const known = useRef<Set<string> | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    const ids = new Set(hands.map((h) => h.identity));
    // The hands already up when the panel opens are read in the list, not announced.
    if (known.current) {
      const fresh = hands.filter((h) => !known.current!.has(h.identity));
      if (fresh.length > 0) setText(fresh.map((h) => t.room.people.newHand(h.displayName)).join(' '));
    }
    known.current = ids;
  }, [hands, t]);
  return text;
}
