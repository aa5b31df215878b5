import { useId, useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { osloMomentFormat } from '../shared/format-date.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';
import type { QaAuth } from './link-token.ts';
import { type AuditEntry, fetchQuestionAudit } from './questions-api.ts';
import { QaErrorNotice } from './questions-error-notice.tsx';

/** The audit log: every change but votes, who made it and when, loaded when asked for. */
export function ModeratorAudit({ slug, auth }: { slug: string; auth: QaAuth }) {
  const { t, locale } = useLocale();
  const a = t.qa.moderator.audit;
  const id = useId();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const time = osloMomentFormat(locale, null, 'medium');

  const load = async () => {
    if (busy) return;
    setBusy(true);
    try {
      setEntries(await fetchQuestionAudit(slug, auth));
      setError(null);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const what = (entry: AuditEntry) => {
    const kind = a.kinds[entry.kind];
    if (entry.kind === 'status' && entry.question)
      return `${kind}: ${a.statusChange(
        entry.fromStatus ? t.qa.statuses[entry.fromStatus] : '–',
        t.qa.statuses[entry.question.status],
      )}`;
    return kind;
  };
  const who = (entry: AuditEntry) =>
    entry.actor.name ?? (entry.actor.kind === 'registration' ? a.audience : entry.actor.role);

  return (
    <section className="panel qa-audit" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{a.heading}</h2>
      <p>{a.intro}</p>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={busy || undefined}
        onClick={() => void load()}
      >
        {busy ? a.loading : entries ? a.refresh : a.load}
      </button>
      {error ? <QaErrorNotice error={error} /> : null}
      {entries && entries.length === 0 ? <p className="muted">{a.empty}</p> : null}
      {entries && entries.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table qa-audit__table">
            <caption>{a.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{a.time}</th>
                <th scope="col">{a.who}</th>
                <th scope="col">{a.what}</th>
                <th scope="col">{a.question}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.seq}>
                  <td>
                    <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
                  </td>
                  <td>{who(entry)}</td>
                  <td>{what(entry)}</td>
                  <td>{entry.question?.text ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
