import type { PublicEventPage } from '@folkemote/domain';
import { registrationClosure } from '../events/registration-closure.ts';
import { osloMomentFormat } from '../shared/format-date.ts';
import { useLocale } from '../shared/use-locale.ts';

/**
 * What the event page says about registration: open, the waiting list, or why it is closed (the
 * event has taken place, with its replay; the deadline passed; full; cancelled).
 */
export function RegistrationStatus({ event }: { event: PublicEventPage }) {
  const { t, locale } = useLocale();
  const s = t.registration.state;
  const c = t.citizen;
  const closure = registrationClosure(event, new Date());
  const moment = (iso: string) => osloMomentFormat(locale, 'long', 'short').format(new Date(iso));
  if (closure.kind === 'over')
    return (
      <div className="notice">
        <p className="lead">{c.over}</p>
        {closure.replayUrl ? (
          <p>
            <a className="button" href={closure.replayUrl}>
              {c.watchReplay}
            </a>
          </p>
        ) : closure.replayExpected ? (
          <p>{c.replayComing}</p>
        ) : null}
      </div>
    );
  if (closure.kind === 'deadline_passed')
    return <p className="lead">{c.deadlinePassed(moment(closure.closedAt))}</p>;
  const text: Record<PublicEventPage['registrationState'], string> = {
    open: s.open,
    waitlist: s.waitlist,
    full: s.full,
    not_yet_open: s.notYetOpen(event.registrationOpensAt ? moment(event.registrationOpensAt) : ''),
    closed: s.closed,
    cancelled: s.cancelled,
    draft: s.closed,
  };
  return <p className="lead">{text[closure.state]}</p>;
}

/** Whether the page shows the form: while registration (or its waiting list) is open and the event is not over. */
export function offersRegistration(event: PublicEventPage): boolean {
  return !event.hasEnded && (event.registrationState === 'open' || event.registrationState === 'waitlist');
}
