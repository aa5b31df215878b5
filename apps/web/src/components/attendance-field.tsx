import { type Attendance, attendances } from '@folkemote/domain';
import { useLocale } from '../hooks/use-locale.ts';

/**
 * For a hybrid event: in person or online, as a group of radio buttons under one legend. The
 * error summary's link goes to the first button (`id`).
 */
export function AttendanceField({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: '' | Attendance;
  error?: string;
  onChange: (value: Attendance) => void;
}) {
  const { t } = useLocale();
  const a = t.citizen.attendance;
  const label: Record<Attendance, string> = { in_person: a.inPerson, online: a.online };
  return (
    <fieldset className="field attendance-field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{a.legend}</legend>
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
            onChange={() => onChange(choice)}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={i === 0 ? id : `${id}-${choice}`}>{label[choice]}</label>
        </div>
      ))}
    </fieldset>
  );
}
