import type { RecordingView } from '@folkemote/contract';
import type { AudioDescriptionMode, CaptionKind, CaptionLanguage } from '@folkemote/domain';
import { type FormEvent, useId, useState } from 'react';
import { routePath, routes } from '../../app/routes.ts';
import { captionMessages } from '../../i18n/caption-messages.ts';
import { captionsEditorMessages } from '../../i18n/captions-editor-messages.ts';
import type { ApiError } from '../../shared/api-error.ts';
import { describeApiError } from '../../shared/describe-api-error.ts';
import { Link } from '../../shared/link.tsx';
import { useLocale } from '../../shared/use-locale.ts';
import { approveTrack, setAudioDescription } from './caption-editor-api.ts';

/** The tracker's two lines for one recording: WCAG 1.2.2 (captions) and 1.2.5 (audio description). */
export function CriteriaStatus({ recording }: { recording: RecordingView }) {
  const { locale } = useLocale();
  const m = captionsEditorMessages[locale].tracker;
  const { captions, audioDescription } = recording.accessibility;
  return (
    <ul className="criteria" aria-label="WCAG">
      <li className={`criteria__item criteria__item--${captions}`}>{m.captions(captions)}</li>
      <li className={`criteria__item criteria__item--${audioDescription}`}>
        {m.audioDescription(audioDescription)}
      </li>
    </ul>
  );
}

const editorPath = (id: string, kind: CaptionKind, language: CaptionLanguage) =>
  routePath(kind === 'captions' ? routes.captionEditor : routes.descriptionEditor, { id, language });

/**
 * A processed recording's tracks: each with its status, a link to the editor and (for a draft)
 * approval in one click; links to write new ones; and how audio description is met.
 */
export function CaptionTracker({ recording }: { recording: RecordingView }) {
  const { t, locale, href } = useLocale();
  const m = captionsEditorMessages[locale].tracker;
  const names = captionMessages[locale].languages;
  const id = useId();
  const [approved, setApproved] = useState<string[]>([]);
  const [language, setLanguage] = useState<CaptionLanguage>('nb');
  const [mode, setMode] = useState<AudioDescriptionMode | ''>(recording.audioDescription ?? '');
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<void>, done: string) => {
    setError(null);
    try {
      await action();
      setSaid(done);
    } catch (e) {
      setError(describeApiError(e as ApiError, t));
    }
  };
  const what = (kind: CaptionKind, l: CaptionLanguage) =>
    kind === 'captions' ? names[l] : m.descriptionsOf(names[l]);
  const saveMode = (e: FormEvent) => {
    e.preventDefault();
    void act(() => setAudioDescription(recording.id, mode || null), m.modeSaved);
  };

  return (
    <div className="caption-tracker">
      <ul className="caption-tracker__tracks">
        {recording.tracks.map((track) => {
          const key = `${track.kind}-${track.language}`;
          const isApproved = track.status === 'approved' || approved.includes(key);
          const name = what(track.kind, track.language);
          return (
            <li key={key}>
              {isApproved ? m.approvedOf(name) : m.draftOf(name)}{' '}
              <Link to={href(editorPath(recording.id, track.kind, track.language))}>{m.edit(name)}</Link>
              {isApproved ? null : (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() =>
                      void act(async () => {
                        await approveTrack(recording.id, track.language, track.kind);
                        setApproved((a) => [...a, key]);
                      }, m.approvedTrack(name))
                    }
                  >
                    {m.approveTrack(name)}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <div className="field field--narrow">
        <label htmlFor={`${id}-language`}>{m.editorLanguage}</label>
        <select
          id={`${id}-language`}
          value={language}
          onChange={(e) => setLanguage(e.target.value as CaptionLanguage)}
        >
          {(Object.keys(names) as CaptionLanguage[]).map((l) => (
            <option key={l} value={l} lang={l}>
              {names[l]}
            </option>
          ))}
        </select>
      </div>
      <p className="caption-tracker__links">
        <Link to={href(editorPath(recording.id, 'captions', language))}>{m.newCaptions}</Link>
        {' · '}
        <Link to={href(editorPath(recording.id, 'descriptions', language))}>{m.newDescriptions}</Link>
      </p>
      <form onSubmit={saveMode}>
        <fieldset className="caption-tracker__mode">
          <legend>{m.modeLabel}</legend>
          {(
            [
              ['', m.modeNone],
              ['said_aloud', m.modeSaidAloud],
              ['track', m.modeTrack],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="caption-tracker__choice">
              <input
                type="radio"
                name={`${id}-mode`}
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
              />{' '}
              {label}
            </label>
          ))}
          <button type="submit" className="button button--secondary">
            {m.modeSave}
          </button>
        </fieldset>
      </form>
      <div role="status" aria-live="polite">
        {said ? <p>{said}</p> : null}
      </div>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
