import type { QaSettings, QaSettingsPatch } from '@folkemote/domain';
import { useId, useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { osloMomentFormat } from '../shared/format-date.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';
import type { QaAuth } from './link-token.ts';
import { updateQaSettings } from './questions-api.ts';
import { QaErrorNotice } from './questions-error-notice.tsx';
import { SortChoice } from './sort-choice.tsx';

/** Pre-moderation, "questions at the end", the start of the Q&A segment and the audience's default order. */
export function ModeratorSettings({
  slug,
  auth,
  settings,
  onSaved,
}: {
  slug: string;
  auth: QaAuth;
  settings: QaSettings;
  onSaved: (settings: QaSettings) => void;
}) {
  const { t, locale } = useLocale();
  const s = t.qa.moderator.settings;
  const id = useId();
  const [busy, setBusy] = useState(0);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // What was just chosen shows at once; the saved settings take over when the answer comes.
  const [chosen, setChosen] = useState<QaSettingsPatch>({});
  const shown = { ...settings, ...chosen };

  const save = async (patch: QaSettingsPatch) => {
    setBusy((n) => n + 1);
    setChosen((current) => ({ ...current, ...patch }));
    setSaved(false);
    setError(null);
    try {
      onSaved(await updateQaSettings(slug, auth, patch));
      setSaved(true);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy((n) => n - 1);
      setChosen((current) => {
        const next = { ...current };
        for (const key of Object.keys(patch) as (keyof QaSettingsPatch)[])
          if (next[key] === patch[key]) delete next[key];
        return next;
      });
    }
  };
  const startedAt = settings.qaStartedAt
    ? osloMomentFormat(locale, null, 'short').format(new Date(settings.qaStartedAt))
    : null;

  return (
    <section className="panel qa-settings" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{s.heading}</h2>
      {error ? <QaErrorNotice error={error} /> : null}
      <div className="field">
        <div className="check">
          <input
            id={`${id}-pre`}
            type="checkbox"
            checked={shown.preModeration}
            aria-describedby={`${id}-pre-hint`}
            onChange={(event) => void save({ preModeration: event.target.checked })}
          />
          <label htmlFor={`${id}-pre`}>{s.preModeration}</label>
        </div>
        <p className="field__hint" id={`${id}-pre-hint`}>
          {s.preModerationHint}
        </p>
      </div>
      <div className="field">
        <div className="check">
          <input
            id={`${id}-end`}
            type="checkbox"
            checked={shown.questionsAtEnd}
            aria-describedby={`${id}-end-hint`}
            onChange={(event) => void save({ questionsAtEnd: event.target.checked })}
          />
          <label htmlFor={`${id}-end`}>{s.questionsAtEnd}</label>
        </div>
        <p className="field__hint" id={`${id}-end-hint`}>
          {s.questionsAtEndHint}
        </p>
      </div>
      <div className="field">
        <div className="check">
          <input
            id={`${id}-early`}
            type="checkbox"
            checked={shown.questionsBeforeStart}
            aria-describedby={`${id}-early-hint`}
            onChange={(event) => void save({ questionsBeforeStart: event.target.checked })}
          />
          <label htmlFor={`${id}-early`}>{s.beforeStart}</label>
        </div>
        <p className="field__hint" id={`${id}-early-hint`}>
          {s.beforeStartHint}
        </p>
      </div>
      <SortChoice sort={shown.sort} onChange={(sort) => void save({ sort })} legend={s.sort} />
      <p>{startedAt ? s.started(startedAt) : s.notStarted}</p>
      <button
        type="button"
        className={shown.qaStarted ? 'button button--secondary' : 'button'}
        aria-disabled={busy > 0 || undefined}
        onClick={() => {
          if (busy === 0) void save({ qaStarted: !shown.qaStarted });
        }}
      >
        {shown.qaStarted ? s.stop : s.start}
      </button>
      <p role="status" className="qa-saved">
        {saved ? s.saved : ''}
      </p>
    </section>
  );
}
