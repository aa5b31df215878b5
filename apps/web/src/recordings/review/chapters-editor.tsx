import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { reviewMessages } from '../../i18n/review-messages.ts';
import type { ApiError } from '../../shared/api-error.ts';
import { describeApiError } from '../../shared/describe-api-error.ts';
import { toApiError } from '../../shared/use-api-resource.ts';
import { useLocale } from '../../shared/use-locale.ts';
import { formatChapterTime, parseChapterTime } from './chapter-time.ts';
import { type ChapterList, fetchChapters, saveChapters } from './review-api.ts';

interface Row {
  key: number;
  time: string;
  title: string;
}

/**
 * Chapters by hand: a start and a title per row, added and removed by keyboard or pointer, checked
 * here as the API checks them, saved together. Those from the answered questions are listed beside.
 */
export function ChaptersEditor({ recordingId }: { recordingId: string }) {
  const { t, locale } = useLocale();
  const r = reviewMessages[locale];
  const id = useId();
  const next = useRef(0);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [fromQuestions, setFromQuestions] = useState<ChapterList['fromQuestions']>([]);
  const [errors, setErrors] = useState<Record<number, { time?: string; title?: string }>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const toRows = (list: ChapterList) =>
    list.chapters.map((c) => ({
      key: next.current++,
      time: formatChapterTime(c.startSeconds),
      title: c.title,
    }));
  useEffect(() => {
    const controller = new AbortController();
    fetchChapters(recordingId, controller.signal).then(
      (list) => {
        setRows(toRows(list));
        setFromQuestions(list.fromQuestions);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setFailure(toApiError(e));
      },
    );
    return () => controller.abort();
  }, [recordingId]);

  const change = (key: number, field: 'time' | 'title', value: string) =>
    setRows((current) => current?.map((row) => (row.key === key ? { ...row, [field]: value } : row)) ?? null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rows) return;
    const found: typeof errors = {};
    const chapters = rows.map((row) => {
      const startSeconds = parseChapterTime(row.time);
      if (startSeconds === null) found[row.key] = { ...found[row.key], time: r.badTime };
      if (!row.title.trim()) found[row.key] = { ...found[row.key], title: r.emptyTitle };
      return { startSeconds: startSeconds ?? 0, title: row.title.trim() };
    });
    setErrors(found);
    setSaved(null);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const list = await saveChapters(recordingId, chapters);
      setRows(toRows(list));
      setSaved(r.chaptersSaved);
    } catch (e) {
      setFailure(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="review-chapters" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{r.chapters}</h2>
      <p className="field__hint">{r.chaptersHint}</p>
      {rows === null ? null : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          {rows.length === 0 ? <p className="muted">{r.noChapters}</p> : null}
          <ol className="chapter-rows">
            {rows.map((row, i) => (
              <ChapterRow
                key={row.key}
                base={`${id}-${row.key}`}
                n={i + 1}
                row={row}
                error={errors[row.key]}
                onChange={(field, value) => change(row.key, field, value)}
                onRemove={() => setRows(rows.filter((other) => other.key !== row.key))}
              />
            ))}
          </ol>
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setRows([...rows, { key: next.current++, time: '', title: '' }])}
            >
              {r.addChapter}
            </button>
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {busy ? r.savingChapters : r.saveChapters}
            </button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite">
        {saved ? <p>{saved}</p> : null}
      </div>
      {failure ? (
        <p className="inline-error" role="alert">
          {r.failed} {describeApiError(failure, t)}
        </p>
      ) : null}
      {fromQuestions.length > 0 ? (
        <>
          <h3>{r.chaptersFromQuestions}</h3>
          <ul>
            {fromQuestions.map((c) => (
              <li key={`${c.startSeconds}-${c.title}`}>
                {formatChapterTime(Math.floor(c.startSeconds))} {c.title}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** One hand-made chapter: its start and title, each labelled with the chapter's number, and its removal. */
function ChapterRow({
  base,
  n,
  row,
  error,
  onChange,
  onRemove,
}: {
  base: string;
  n: number;
  row: Row;
  error: { time?: string; title?: string } | undefined;
  onChange: (field: 'time' | 'title', value: string) => void;
  onRemove: () => void;
}) {
  const { locale } = useLocale();
  const r = reviewMessages[locale];
  return (
    <li className="chapter-row">
      <div className="field field--narrow">
        <label htmlFor={`${base}-time`}>{r.chapterTime(n)}</label>
        <p className="field__hint" id={`${base}-time-hint`}>
          {r.chapterTimeHint}
        </p>
        {error?.time ? (
          <p className="field__error" id={`${base}-time-error`}>
            {error.time}
          </p>
        ) : null}
        <input
          id={`${base}-time`}
          type="text"
          inputMode="decimal"
          value={row.time}
          aria-invalid={error?.time ? true : undefined}
          aria-describedby={`${base}-time-hint${error?.time ? ` ${base}-time-error` : ''}`}
          onChange={(e) => onChange('time', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${base}-title`}>{r.chapterTitle(n)}</label>
        {error?.title ? (
          <p className="field__error" id={`${base}-title-error`}>
            {error.title}
          </p>
        ) : null}
        <input
          id={`${base}-title`}
          type="text"
          maxLength={200}
          value={row.title}
          aria-invalid={error?.title ? true : undefined}
          aria-describedby={error?.title ? `${base}-title-error` : undefined}
          onChange={(e) => onChange('title', e.target.value)}
        />
      </div>
      <button type="button" className="button button--secondary" onClick={onRemove}>
        {r.removeChapter(n)}
      </button>
    </li>
  );
}
