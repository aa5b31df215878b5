import type { RecordingView } from '@folkemote/contract';
import type { CaptionLanguage } from '@folkemote/domain';
import { type FormEvent, useId, useState } from 'react';
import { captionMessages } from '../i18n/caption-messages.ts';
import { captionsEditorMessages } from '../i18n/captions-editor-messages.ts';
import type { ApiError } from '../shared/api-error.ts';
import { describeApiError } from '../shared/describe-api-error.ts';
import { formatDay } from '../shared/format-date.ts';
import { useLocale } from '../shared/use-locale.ts';
import { removeCaptions, uploadCaptions } from './captions-api.ts';
import { approveTrack } from './captions-editor/caption-editor-api.ts';
import { CaptionTracker, CriteriaStatus } from './captions-editor/caption-tracker.tsx';
import { readCaptionsProblem } from './read-captions-problem.ts';

type Outcome = { kind: 'done'; text: string } | { kind: 'error'; error: ApiError } | null;

/**
 * A published recording's captions: which languages it has, when they are due while it
 * has none, and a small form to upload a WebVTT or SubRip file or remove a language.
 */
export function RecordingCaptions({ recording, now = new Date() }: { recording: RecordingView; now?: Date }) {
  const { t, locale } = useLocale();
  const c = captionMessages[locale];
  // The file's own fault, named with its line; otherwise what went wrong with the request.
  const describeCaptionsFailure = (error: ApiError) => {
    const problem = readCaptionsProblem(error);
    return problem ? c.problem(problem) : describeApiError(error, t);
  };
  const id = useId();
  const [language, setLanguage] = useState<CaptionLanguage>('nb');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // An upload is a draft: offer its approval at once, in one click.
  const [draft, setDraft] = useState<CaptionLanguage | null>(null);
  const tracker = captionsEditorMessages[locale].tracker;
  // Every recording shows where it stands on 1.2.2 and 1.2.5; the controls come once it plays.
  if (!recording.replayUrl) return <CriteriaStatus recording={recording} />;

  const run = async (action: () => Promise<void>, done: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      await action();
      setOutcome({ kind: 'done', text: done });
    } catch (error) {
      setOutcome({ kind: 'error', error: error as ApiError });
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError(c.noFile);
      return;
    }
    setFileError(null);
    void run(async () => {
      await uploadCaptions(recording.id, language, file);
      setDraft(language);
    }, c.uploaded(c.languages[language]));
  };
  const due = recording.captionsDueBy;
  const overdue = due !== null && new Date(due) < now;

  return (
    <div className="captions">
      <CriteriaStatus recording={recording} />
      {recording.captions.length > 0 ? (
        <p className="captions__status">{c.has(recording.captions.map((l) => c.languages[l]).join(', '))}</p>
      ) : (
        <p className={overdue ? 'captions__status captions__status--overdue' : 'captions__status'}>
          <strong>{c.missing}</strong>
          {due ? (
            <> – {overdue ? c.overdue(formatDay(due, locale)) : c.dueBy(formatDay(due, locale))}</>
          ) : null}
        </p>
      )}
      <CaptionTracker recording={recording} />
      <details className="captions__details">
        <summary>{c.add(recording.title)}</summary>
        <p className="field__hint">{c.why}</p>
        <form onSubmit={submit} noValidate>
          <div className="field field--narrow">
            <label htmlFor={`${id}-language`}>{c.language}</label>
            <select
              id={`${id}-language`}
              value={language}
              onChange={(e) => setLanguage(e.target.value as CaptionLanguage)}
            >
              {(Object.keys(c.languages) as CaptionLanguage[]).map((l) => (
                <option key={l} value={l} lang={l}>
                  {c.languages[l]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>{c.file}</label>
            <p className="field__hint" id={`${id}-hint`}>
              {c.fileHint}
            </p>
            {fileError ? (
              <p className="field__error" id={`${id}-error`}>
                {fileError}
              </p>
            ) : null}
            <input
              id={`${id}-file`}
              type="file"
              accept=".vtt,.srt,text/vtt,application/x-subrip"
              aria-describedby={fileError ? `${id}-hint ${id}-error` : `${id}-hint`}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? c.uploading : c.upload}
          </button>
        </form>
        {recording.tracks
          .filter((track) => track.kind === 'captions')
          .map(({ language: l }) => (
            <button
              key={l}
              type="button"
              className="button button--secondary"
              aria-disabled={busy || undefined}
              onClick={() => {
                if (!busy) void run(() => removeCaptions(recording.id, l), c.removed(c.languages[l]));
              }}
            >
              {c.remove(c.languages[l])}
            </button>
          ))}
        <div role="status" aria-live="polite">
          {outcome?.kind === 'done' ? <p>{outcome.text}</p> : null}
        </div>
        {draft ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(async () => {
                await approveTrack(recording.id, draft, 'captions');
                setDraft(null);
              }, tracker.approvedTrack(c.languages[draft]))
            }
          >
            {tracker.approveTrack(c.languages[draft])}
          </button>
        ) : null}
        {outcome?.kind === 'error' ? (
          <p className="inline-error" role="alert">
            {c.failed} {describeCaptionsFailure(outcome.error)}
          </p>
        ) : null}
      </details>
    </div>
  );
}
