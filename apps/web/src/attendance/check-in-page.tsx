import type { OrganiserEvent, RegistrationRow } from '@folkemote/contract';
import { useCallback, useId, useMemo, useState } from 'react';
import { useLocation } from '../app/router/use-location.ts';
import { matchRouteWithParams, routePath, routes } from '../app/routes.ts';
import {
  fetchEventRegistrations,
  fetchOrganiserEvent,
  setCheckIn,
} from '../event-editor/organiser-events-api.ts';
import { checkInMessages } from '../i18n/check-in-messages.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { InputField } from '../shared/form-field.tsx';
import { formatEventTime, osloMomentFormat } from '../shared/format-date.ts';
import { Link } from '../shared/link.tsx';
import { useApiResource } from '../shared/use-api-resource.ts';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import './check-in.css';

export function CheckInPage() {
  const { pathname } = useLocation();
  const slug = matchRouteWithParams(pathname).params.slug ?? '';
  return <CheckInView key={slug} slug={slug} />;
}

/** Those with a seat, by name: whom the door expects. */
export function seatedByName(registrations: RegistrationRow[], locale: string): RegistrationRow[] {
  return registrations
    .filter((r) => r.status === 'confirmed')
    .sort((a, b) => a.name.localeCompare(b.name, locale === 'en' ? 'en' : 'nb'));
}

/** An event's registrations and the ticks made at the door, saved as they are made. */
function useCheckIn(slug: string) {
  // The list is fetched for the event only: the language orders it on screen, and asks for nothing.
  const load = useCallback(
    async (signal: AbortSignal): Promise<{ event: OrganiserEvent; registrations: RegistrationRow[] }> => {
      const [event, list] = await Promise.all([
        fetchOrganiserEvent(slug, signal),
        fetchEventRegistrations(slug, signal),
      ]);
      return { event, registrations: list.registrations };
    },
    [slug],
  );
  const data = useApiResource(load);
  const [changed, setChanged] = useState<Record<string, string | null>>({});
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [failed, setFailed] = useState(false);

  const toggle = async (person: RegistrationRow, checkedIn: boolean) => {
    if (saving.has(person.id)) return;
    setFailed(false);
    setSaving((ids) => new Set(ids).add(person.id));
    // Ticked at once, so the door keeps moving; put back if the server says no.
    const before = person.id in changed ? changed[person.id]! : person.checkedInAt;
    setChanged((m) => ({ ...m, [person.id]: checkedIn ? new Date().toISOString() : null }));
    try {
      const saved = await setCheckIn(slug, person.id, checkedIn);
      setChanged((m) => ({ ...m, [person.id]: saved.checkedInAt }));
    } catch {
      setChanged((m) => ({ ...m, [person.id]: before }));
      setFailed(true);
    } finally {
      setSaving((ids) => {
        const next = new Set(ids);
        next.delete(person.id);
        return next;
      });
    }
  };

  const arrivedAt = (p: RegistrationRow) => (p.id in changed ? changed[p.id]! : p.checkedInAt);
  return { data, failed, toggle, arrivedAt };
}

/**
 * The check-in list for the door of an on-site or hybrid event: everyone with a seat, by name, with a
 * large tick box each (for a phone), a search, the count so far, and a print layout on paper.
 */
function CheckInView({ slug }: { slug: string }) {
  const { t, href, locale } = useLocale();
  const c = checkInMessages[locale];
  const id = useId();
  const { data, failed, toggle, arrivedAt } = useCheckIn(slug);
  const [query, setQuery] = useState('');
  const title = data.status === 'ready' ? data.data.event.title : slug;
  usePageTitle(t.layout.pageTitle(c.title(title)));
  const registrations = data.status === 'ready' ? data.data.registrations : null;
  const people = useMemo(
    () => (registrations ? seatedByName(registrations, locale) : []),
    [registrations, locale],
  );
  const needle = query.trim().toLocaleLowerCase('nb');
  const shown = needle ? people.filter((p) => p.name.toLocaleLowerCase('nb').includes(needle)) : people;
  const arrived = people.filter((p) => arrivedAt(p) !== null).length;

  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{c.title(title)}</h1>
        {data.status === 'ready' ? (
          <p>
            <time dateTime={data.data.event.startsAt}>
              {formatEventTime(data.data.event.startsAt, data.data.event.endsAt, locale)}
            </time>
            {data.data.event.address ? ` · ${data.data.event.address}` : ''}
            <span className="no-print">
              {' · '}
              <Link to={href(routePath(routes.eventRegistrations, { slug }))}>{c.backToRegistrations}</Link>
            </span>
          </p>
        ) : null}
        <p className="lead no-print">{c.intro}</p>
      </div>
      {data.status === 'loading' ? (
        <p className="muted" role="status">
          {t.organiser.registrations.loading}
        </p>
      ) : null}
      {data.status === 'error' ? <ErrorNotice error={data.error} /> : null}
      {data.status === 'ready' ? (
        <>
          <p className="check-in__count" role="status" aria-live="polite">
            {c.counts(arrived, people.length)}
          </p>
          <div role="alert">{failed ? <p className="inline-error">{c.saveFailed}</p> : null}</div>
          <div className="check-in__tools no-print">
            <InputField
              id={`${id}-search`}
              label={c.search}
              hint={c.searchHint}
              type="search"
              autoComplete="off"
              value={query}
              onValueChange={setQuery}
            />
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {c.print}
            </button>
          </div>
          {people.length === 0 ? <p className="panel">{c.none}</p> : null}
          {people.length > 0 && shown.length === 0 ? <p className="panel">{c.noMatch}</p> : null}
          {shown.length > 0 ? (
            <ul className="check-in__list" aria-label={c.caption}>
              {shown.map((person) => (
                <CheckInPerson
                  key={person.id}
                  id={`${id}-${person.id}`}
                  person={person}
                  at={arrivedAt(person)}
                  onChange={(checked) => void toggle(person, checked)}
                />
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** One person on the list: the tick box with the name, and when they came. */
function CheckInPerson({
  id,
  person,
  at,
  onChange,
}: {
  id: string;
  person: RegistrationRow;
  at: string | null;
  onChange: (checked: boolean) => void;
}) {
  const { locale } = useLocale();
  const c = checkInMessages[locale];
  const time = osloMomentFormat(locale, null, 'short');
  return (
    <li className={at ? 'check-in__person check-in__person--in' : 'check-in__person'}>
      <input
        id={id}
        type="checkbox"
        checked={at !== null}
        aria-describedby={at ? `${id}-at` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>
        <span className="check-in__name">{person.name}</span>
        {person.organisation ? <span className="muted"> {person.organisation}</span> : null}
      </label>
      {at ? (
        <span className="check-in__at muted" id={`${id}-at`}>
          {c.arrivedAt(time.format(new Date(at)))}
        </span>
      ) : null}
    </li>
  );
}
