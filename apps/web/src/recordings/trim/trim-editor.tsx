import type { RecordingTrimView } from '@folkemote/contract';
import { composeCuts, type TimeRange, trimmedDuration } from '@folkemote/domain';
import { useMemo, useRef, useState } from 'react';
import { type TrimMessages, trimMessages } from '../../i18n/trim-messages.ts';
import type { ApiError } from '../../shared/api-error.ts';
import { describeApiError } from '../../shared/describe-api-error.ts';
import { toApiError } from '../../shared/use-api-resource.ts';
import { useLocale } from '../../shared/use-locale.ts';
import { TimeField } from './time-field.tsx';
import { requestTrim } from './trim-api.ts';
import { TrimPlayer } from './trim-player.tsx';
import { formatTrimTime } from './trim-time.ts';
import { keptSeconds, removedRanges, useTrimEditor } from './use-trim-editor.ts';

interface TrimEditorProps {
  view: RecordingTrimView;
  busy: boolean;
  onRequested: (cuts: TimeRange[]) => void;
}

/** The player with the seek sprite, the start, the end and the cuts, the preview, publish and restore. */
export function TrimEditor({ view, busy, onRequested }: TrimEditorProps) {
  const { locale, t } = useLocale();
  const m = trimMessages[locale];
  const duration =
    Math.round(trimmedDuration(view.appliedCuts, view.sourceDurationSeconds ?? 0) * 1000) / 1000;
  const video = useRef<HTMLVideoElement>(null);
  const editor = useTrimEditor(duration);
  const { draft } = editor;
  const [preview, setPreview] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);
  const removed = useMemo(() => removedRanges(draft, duration), [draft, duration]);
  const now = () => Math.round((video.current?.currentTime ?? 0) * 1000) / 1000;
  const disabled = busy || sending || !view.editable;

  const submit = async (cuts: TimeRange[]) => {
    setSending(true);
    setError(null);
    try {
      await requestTrim(view.recordingId, cuts);
      onRequested(cuts);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setSending(false);
    }
  };
  const errorText = (e: ApiError) =>
    e.code === 'invalid_trim' && typeof e.params.code === 'string'
      ? m.problem(e.params as Parameters<TrimMessages['problem']>[0])
      : describeApiError(e, t);

  return (
    <div className="trim-editor">
      {view.editable ? null : <p className="panel">{m.notEditable}</p>}
      <TrimPlayer video={video} view={view} duration={duration} removed={removed} preview={preview} />
      <section aria-labelledby="trim-range-heading" className="trim-section">
        <h2 id="trim-range-heading" className="visually-hidden">
          {m.startLabel} / {m.endLabel}
        </h2>
        <div className="trim-row">
          <TimeField
            label={m.startLabel}
            value={draft.start}
            max={duration}
            hint={m.timeHint}
            error={m.badTime}
            onChange={editor.setStart}
          />
          <button type="button" className="button" onClick={() => editor.setStart(now())}>
            {m.setStart}
          </button>
          <TimeField
            label={m.endLabel}
            value={draft.end}
            max={duration}
            hint={m.timeHint}
            error={m.badTime}
            onChange={editor.setEnd}
          />
          <button type="button" className="button" onClick={() => editor.setEnd(now())}>
            {m.setEnd}
          </button>
        </div>
        <div className="trim-row">
          <button type="button" className="button" onClick={() => editor.cutFrom(now())}>
            {m.cutFrom}
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={draft.pendingFrom === null || undefined}
            onClick={() => {
              if (draft.pendingFrom === null) return;
              const to = now();
              editor.cutTo(to);
              const [a, b] = [Math.min(draft.pendingFrom, to), Math.max(draft.pendingFrom, to)];
              setAnnouncement(m.cutAdded(formatTrimTime(a), formatTrimTime(b)));
            }}
          >
            {m.cutTo}
          </button>
          {draft.pendingFrom !== null ? (
            <p className="muted">{m.cutPending(formatTrimTime(draft.pendingFrom))}</p>
          ) : null}
        </div>
      </section>
      <CutList m={m} cuts={draft.cuts} duration={duration} editor={editor} onAnnounce={setAnnouncement} />
      <p aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      <section aria-labelledby="trim-publish-heading" className="trim-section">
        <h2 id="trim-publish-heading" className="visually-hidden">
          {m.publish}
        </h2>
        <p>{m.result(formatTrimTime(keptSeconds(draft, duration)))}</p>
        <div className="trim-row">
          <input
            id="trim-preview"
            type="checkbox"
            checked={preview}
            onChange={(e) => setPreview(e.target.checked)}
            aria-describedby="trim-preview-hint"
          />
          <label htmlFor="trim-preview">{m.preview}</label>
          <span id="trim-preview-hint" className="field-hint">
            {m.previewHint}
          </span>
        </div>
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            aria-disabled={disabled || undefined}
            onClick={() => {
              if (!disabled) void submit(composeCuts(view.appliedCuts, removed));
            }}
          >
            {sending ? m.publishing : m.publish}
          </button>
          {view.appliedCuts.length > 0 ? (
            <button
              type="button"
              className="button"
              aria-disabled={disabled || undefined}
              aria-describedby="trim-restore-hint"
              onClick={() => {
                if (!disabled) void submit([]);
              }}
            >
              {m.restore}
            </button>
          ) : null}
        </div>
        {view.appliedCuts.length > 0 ? (
          <p id="trim-restore-hint" className="field-hint">
            {m.restoreHint}
          </p>
        ) : null}
        {error ? (
          <p className="inline-error" role="alert">
            {m.failed} {errorText(error)}
          </p>
        ) : null}
      </section>
    </div>
  );
}

interface CutListProps {
  m: TrimMessages;
  cuts: TimeRange[];
  duration: number;
  editor: ReturnType<typeof useTrimEditor>;
  onAnnounce: (text: string) => void;
}

/** The cuts in order, each with its times editable as text and a remove button. */
function CutList({ m, cuts, duration, editor, onAnnounce }: CutListProps) {
  return (
    <section aria-labelledby="trim-cuts-heading" className="trim-section">
      <h2 id="trim-cuts-heading">{m.cutsHeading}</h2>
      {cuts.length === 0 ? <p className="muted">{m.noCuts}</p> : null}
      <ol className="trim-cuts">
        {cuts.map((cut, i) => (
          <li key={`${cut.start}-${cut.end}`} className="trim-row">
            <TimeField
              label={m.cutFromLabel(i + 1)}
              value={cut.start}
              max={duration}
              hint={m.timeHint}
              error={m.badTime}
              onChange={(start) => editor.updateCut(i, { ...cut, start })}
            />
            <TimeField
              label={m.cutToLabel(i + 1)}
              value={cut.end}
              max={duration}
              hint={m.timeHint}
              error={m.badTime}
              onChange={(end) => editor.updateCut(i, { ...cut, end })}
            />
            <button
              type="button"
              className="button"
              onClick={() => {
                editor.removeCut(i);
                onAnnounce(m.cutRemoved(i + 1));
              }}
            >
              {m.removeCut(i + 1)}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
