import type { RecordingView } from '@folkemote/contract';
import {
  type CaptionCue,
  type CaptionKind,
  type CaptionLanguage,
  type CaptionStatus,
  nudgeCue,
} from '@folkemote/domain';
import type { RefObject } from 'react';
import { captionsEditorMessages } from '../../i18n/captions-editor-messages.ts';
import type { ApiError } from '../../shared/api-error.ts';
import { describeApiError } from '../../shared/describe-api-error.ts';
import { useLocale } from '../../shared/use-locale.ts';
import { approveTrack, saveCues } from './caption-editor-api.ts';
import type { EditorCommand } from './editor-keys.ts';
import { formatCueTime } from './format-cue-time.ts';
import type { useCueEditor } from './use-cue-editor.ts';
import type { useCuePlayer } from './use-cue-player.ts';

interface Deps {
  recording: RecordingView;
  kind: CaptionKind;
  language: CaptionLanguage;
  editor: ReturnType<typeof useCueEditor>;
  player: ReturnType<typeof useCuePlayer>;
  textRefs: RefObject<Array<HTMLTextAreaElement | null>>;
  status: CaptionStatus | null;
  setStatus: (s: CaptionStatus) => void;
  setBusy: (b: boolean) => void;
  setSaid: (s: string) => void;
  setError: (e: string | null) => void;
}

/** What each command does to the cues, and what the live region says after it; saving and approving. */
export function useEditorActions(d: Deps) {
  const { t, locale } = useLocale();
  const m = captionsEditorMessages[locale];
  const { cues, current, dirty } = d.editor.state;

  const persist = async (approve: boolean) => {
    const empty = cues.findIndex((c) => c.text.trim() === '');
    if (empty >= 0) return d.setError(m.emptyCue(empty + 1));
    d.setBusy(true);
    d.setError(null);
    try {
      if (dirty || d.status === null) {
        await saveCues(d.recording.id, d.language, d.kind, cues);
        d.editor.markSaved();
        d.setStatus('draft');
      }
      if (approve) {
        await approveTrack(d.recording.id, d.language, d.kind);
        d.setStatus('approved');
      }
      d.setSaid(approve ? m.approved : m.saved);
    } catch (e) {
      d.setError(describeApiError(e as ApiError, t));
    } finally {
      d.setBusy(false);
    }
  };

  const announceTimes = (i: number, c: CaptionCue) =>
    d.setSaid(m.announce.times(i + 1, formatCueTime(c.startMs), formatCueTime(c.endMs)));

  const run = (command: EditorCommand) => {
    const i = current;
    const el = d.textRefs.current[i];
    switch (command.op) {
      case 'split':
        d.editor.split({ timeMs: d.player.timeMs(), textOffset: el?.selectionStart ?? undefined });
        return d.setSaid(m.announce.split(i + 1));
      case 'merge':
        d.editor.merge();
        return d.setSaid(m.announce.merged(i + 1));
      case 'add':
        d.editor.add();
        return d.setSaid(m.announce.added(cues.length ? i + 2 : 1));
      case 'remove':
        d.editor.remove();
        return d.setSaid(m.announce.removed(i + 1));
      case 'play':
        if (cues[i]) d.player.playCue(cues[i]);
        return;
      case 'save':
        return void persist(false);
      case 'nudge': {
        if (!cues[i]) return;
        d.editor.nudge(command.edge, command.deltaMs);
        // The same operation on the same cues, to say the new times at once.
        const moved = nudgeCue(cues, i, command.edge, command.deltaMs)[i]!;
        return announceTimes(i, moved);
      }
    }
  };
  return { run, persist };
}
