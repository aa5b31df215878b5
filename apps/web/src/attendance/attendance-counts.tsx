import type { AttendanceCounts as Counts } from '@folkemote/contract';
import { useLocale } from '../shared/use-locale.ts';

/** For the organiser of a hybrid event: how many of the registrations come in person and how many online. */
export function AttendanceCounts({ counts }: { counts: Counts }) {
  const { t } = useLocale();
  const a = t.citizen.attendance;
  return (
    <section aria-labelledby="attendance-counts">
      <h2 id="attendance-counts" className="visually-hidden">
        {a.counts}
      </h2>
      <dl className="counts">
        <div>
          <dt>{a.inPerson}</dt>
          <dd>{counts.in_person}</dd>
        </div>
        <div>
          <dt>{a.online}</dt>
          <dd>{counts.online}</dd>
        </div>
      </dl>
    </section>
  );
}
