import { useCallback, useEffect, useId, useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';
import type { QaAuth } from './link-token.ts';
import { fetchQuestionStats, fetchQuestionsCsv, type QuestionStats, questionsPath } from './questions-api.ts';
import { QaErrorNotice } from './questions-error-notice.tsx';

const figureOrder = [
  'asked',
  'open',
  'answered',
  'dismissed',
  'merged',
  'votes',
  'askers',
  'voters',
] as const;

/**
 * The CSV export and the figures. With the organiser's session the export is a
 * plain link; with a link token it is fetched (the token goes in a header, never
 * in an address) and handed to the browser as a file.
 */
export function ModeratorExport({ slug, auth, revision }: { slug: string; auth: QaAuth; revision: number }) {
  const { t } = useLocale();
  const e = t.qa.moderator.export;
  const id = useId();
  const [stats, setStats] = useState<QuestionStats | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [round, setRound] = useState(0);
  const token = auth.kind === 'token' ? auth.token : null;

  const load = useCallback(
    (signal: AbortSignal) =>
      fetchQuestionStats(slug, token ? { kind: 'token', token } : { kind: 'session' }, signal).then(
        (next) => {
          setStats(next);
          setError(null);
        },
        (caught: unknown) => {
          if (!signal.aborted) setError(toApiError(caught));
        },
      ),
    [slug, token],
  );
  // Loaded at once when the page opens or when asked for.
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, round]);
  // And a moment after the queue moves, once things settle, rather than at every change of a busy queue.
  useEffect(() => {
    if (revision === 0) return;
    const controller = new AbortController();
    const timer = setTimeout(() => void load(controller.signal), 1500);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [load, revision]);

  const download = async (what: 'questions' | 'polls') => {
    if (downloading) return;
    setDownloading(true);
    try {
      const blob = await fetchQuestionsCsv(slug, auth, what);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${slug}-${what}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section className="panel qa-export" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{e.heading}</h2>
      <p>
        {auth.kind === 'session' ? (
          <a href={`${questionsPath(slug)}?format=csv`} download>
            {e.csv}
          </a>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={downloading || undefined}
            onClick={() => void download('questions')}
          >
            {downloading ? e.downloading : e.csv}
          </button>
        )}
      </p>
      <p>
        {auth.kind === 'session' ? (
          <a href={`${questionsPath(slug).replace(/questions$/, 'polls')}?format=csv`} download>
            {t.polls.exportCsv}
          </a>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={downloading || undefined}
            onClick={() => void download('polls')}
          >
            {downloading ? e.downloading : t.polls.exportCsv}
          </button>
        )}
      </p>
      <h3>{e.stats}</h3>
      {error ? <QaErrorNotice error={error} /> : null}
      {stats ? (
        <dl className="qa-stats">
          {figureOrder.map((key) => (
            <div key={key}>
              <dt>{e.figures[key]}</dt>
              <dd>{stats[key]}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{e.loading}</p>
      )}
      <button type="button" className="button button--secondary" onClick={() => setRound((n) => n + 1)}>
        {e.loadStats}
      </button>
    </section>
  );
}
