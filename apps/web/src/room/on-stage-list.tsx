import { useLocale } from '../shared/use-locale.ts';
import type { RoomView } from './room-api.ts';

/** Who is presenting, by name and role, for everyone (and for screen readers the stage in words). */
export function OnStageList({ stage }: { stage: RoomView['stage'] }) {
  const { t } = useLocale();
  return (
    <section className="on-stage" aria-labelledby="on-stage-heading">
      <h2 id="on-stage-heading">{t.room.stage.onStageHeading}</h2>
      {stage.length === 0 ? (
        <p className="muted">{t.room.stage.nobody}</p>
      ) : (
        <ul className="on-stage__list">
          {stage.map((person) => (
            <li key={person.identity}>
              {person.displayName} <span className="muted">({t.room.roles[person.role]})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
