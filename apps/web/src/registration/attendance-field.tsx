import { type Attendance, attendances } from '@folkemote/domain';
import { useLocale } from '../shared/use-locale.ts';

/**
 * For a hybrid event: in person or online, as a group of radio buttons under one legend. The
 * error summary's link goes to the first button (`id`).
 */
export function AttendanceField({
  id,
  value,
  error,
  roomFull = false,
  onChange,
}: {
  id: string;
  value: '' | Attendance;
  error?: string;
  /** The room has no seat left: the in-person choice is off, and the note says one may join online. */
  roomFull?: boolean;
  onChange: (value: Attendance) => void;
}) {
  const { t } = useLocale();
  const a = t.citizen.attendance;
  const label: Record<Attendance, string> = { in_person: a.inPerson, online: a.online };
  return (
    <fieldset
      className="field attendance-field"
      aria-describedby={
        [error ? `${id}-error` : '', roomFull ? `${id}-room-full` : ''].join(' ').trim() || undefined
      }
    >
      <legend>{a.legend}</legend>
      {roomFull ? (
        <p className="field__hint" id={`${id}-room-full`}>
          {t.citizen.roomFull}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {attendances.map((choice, i) => (
        <div className="check" key={choice}>
          <input
            id={i === 0 ? id : `${id}-${choice}`}
            type="radio"
            name="attendance"
            value={choice}
            checked={value === choice}
            disabled={roomFull && choice === 'in_person'}
            onChange={() => onChange(choice)}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={i === 0 ? id : `${id}-${choice}`}>{label[choice]}</label>
        </div>
      ))}
    </fieldset>
  );
}
