import type { RecordingView } from '@folkemote/contract';
import {
  type CaptionCue,
  type CaptionKind,
  type CaptionLanguage,
  type CaptionStatus,
  checkCues,
  countCuesWithWarnings,
} from '@folkemote/domain';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { captionsEditorMessages } from '../../i18n/captions-editor-messages.ts';
import { useLocale } from '../../shared/use-locale.ts';
import { CueItem } from './cue-item.tsx';
import { readEditorKey } from './editor-keys.ts';
import { EditorToolbar } from './editor-toolbar.tsx';
import { PreviewVideo } from './preview-video.tsx';
import { useCueEditor } from './use-cue-editor.ts';
import { useCuePlayer } from './use-cue-player.ts';
import { useEditorActions } from './use-editor-actions.ts';

/** The editor itself: the preview beside the cues, the toolbar, save and approve. */
export function CaptionEditor(props: {
  recording: RecordingView;
  kind: CaptionKind;
  language: CaptionLanguage;
  initialCues: CaptionCue[];
  initialStatus: CaptionStatus | null;
}) {
  const { recording, kind, language } = props;
  const { locale } = useLocale();
  const m = captionsEditorMessages[locale];
  const editor = useCueEditor(props.initialCues);
  const { cues, current, dirty, focus } = editor.state;
  const [status, setStatus] = useState<CaptionStatus | null>(props.initialStatus);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const textRefs = useRef<Array<HTMLTextAreaElement | null>>([]);
  const addRef = useRef<HTMLButtonElement | null>(null);
  const player = useCuePlayer(videoRef);
  const warnings = useMemo(() => checkCues(cues), [cues]);
  const withWarnings = countCuesWithWarnings(warnings);

  useEffect(() => {
    if (!focus) return;
    const el = textRefs.current[focus.index];
    if (!el) return void addRef.current?.focus();
    el.focus();
    el.setSelectionRange(focus.caret, focus.caret);
  }, [focus]);

  const { run, persist } = useEditorActions({
    recording,
    kind,
    language,
    editor,
    player,
    textRefs,
    status,
    setStatus,
    setBusy,
    setSaid,
    setError,
  });

  const onKeyDown = (e: KeyboardEvent) => {
    const command = readEditorKey(e);
    if (!command) return;
    e.preventDefault();
    run(command);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: shortcuts for the controls inside it, each also a button
    <div className="caption-editor" onKeyDown={onKeyDown}>
      <div className="caption-editor__media">
        {recording.previewUrl ? (
          <PreviewVideo previewUrl={recording.previewUrl} label={m.previewLabel} videoRef={videoRef} />
        ) : (
          <p className="panel">{m.noPreview}</p>
        )}
        <details className="caption-editor__shortcuts">
          <summary>{m.shortcutsHeading}</summary>
          <dl>
            {m.shortcuts.map(([keys, what]) => (
              <div key={keys}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </details>
      </div>
      <section className="caption-editor__cues" aria-labelledby="cues-heading">
        <h2 id="cues-heading">{m.cuesHeading}</h2>
        <p className="caption-editor__status">
          {status === 'approved' && !dirty ? m.statusApproved : m.statusDraft}
          {dirty ? ` · ${m.unsaved}` : ''}
        </p>
        <p className="caption-editor__summary">
          {withWarnings === 0 ? m.summaryNone : m.summary(withWarnings, cues.length)}
        </p>
        <EditorToolbar
          m={m}
          busy={busy}
          hasCues={cues.length > 0}
          run={run}
          addRef={addRef}
          onSave={() => void persist(false)}
          onApprove={() => void persist(true)}
        />
        <div role="status" aria-live="polite" className="caption-editor__said">
          {said}
        </div>
        {error ? (
          <p className="inline-error" role="alert">
            {m.failed} {error}
          </p>
        ) : null}
        {cues.length === 0 ? <p>{m.empty}</p> : null}
        <ol className="caption-editor__list">
          {cues.map((cue, i) => (
            <CueItem
              key={i}
              cue={cue}
              index={i}
              warnings={warnings[i] ?? []}
              language={language}
              current={i === current}
              m={m}
              textRef={(el) => {
                textRefs.current[i] = el;
              }}
              onFocus={() => editor.choose(i)}
              onText={(text) => editor.setText(i, text)}
            />
          ))}
        </ol>
      </section>
    </div>
  );
}
