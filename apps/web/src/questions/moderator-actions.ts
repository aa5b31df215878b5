import {
  type QuestionPatch,
  type QuestionStatus,
  type QuestionView,
  restoredQuestionStatus,
} from '@folkemote/domain';
import type { ShortcutCommand } from './moderator-shortcuts.ts';

export type ModeratorAction =
  | 'approve'
  | 'highlight'
  | 'unhighlight'
  | 'markAnswered'
  | 'reopen'
  | 'dismiss'
  | 'restore'
  | 'pin'
  | 'unpin';

/** The parts of the moderator view, in the order they are shown (and walked with j/k). */
export const moderatorSections = ['pending', 'highlighted', 'live', 'answered', 'dismissed'] as const;
export type ModeratorSection = (typeof moderatorSections)[number];

/** Where a question is listed; a merged question is not listed (its votes live on in the other). */
export function sectionOf(status: QuestionStatus): ModeratorSection | null {
  return status === 'merged' ? null : status;
}

/** The buttons a question offers, by where it is in the queue. */
export function actionsFor(question: Pick<QuestionView, 'status' | 'pinned'>): ModeratorAction[] {
  const pin: ModeratorAction = question.pinned ? 'unpin' : 'pin';
  switch (question.status) {
    case 'pending':
      return ['approve', 'highlight', 'dismiss', pin];
    case 'live':
      return ['highlight', 'markAnswered', 'dismiss', pin];
    case 'highlighted':
      return ['markAnswered', 'unhighlight', 'dismiss', pin];
    case 'answered':
      return ['reopen', 'highlight', 'dismiss'];
    case 'dismissed':
      return ['restore'];
    case 'merged':
      return [];
  }
}

/** The change an action asks the API for. Restoring puts a question back where it was dismissed from. */
export function patchFor(
  action: ModeratorAction,
  question: Pick<QuestionView, 'dismissedFrom'>,
): QuestionPatch {
  switch (action) {
    case 'approve':
    case 'unhighlight':
    case 'reopen':
      return { status: 'live' };
    case 'highlight':
      return { status: 'highlighted' };
    case 'markAnswered':
      return { status: 'answered' };
    case 'dismiss':
      return { status: 'dismissed' };
    case 'restore': {
      const status = restoredQuestionStatus(question.dismissedFrom ?? null);
      return { status: status === 'merged' ? 'live' : status };
    }
    case 'pin':
      return { pinned: true };
    case 'unpin':
      return { pinned: false };
  }
}

/** What a shortcut does to the focused question, or null where it means nothing there. */
export function actionForCommand(
  command: ShortcutCommand,
  question: Pick<QuestionView, 'status' | 'pinned'>,
): ModeratorAction | null {
  const offered = actionsFor(question);
  const first = (...candidates: ModeratorAction[]) => candidates.find((a) => offered.includes(a)) ?? null;
  switch (command) {
    case 'approve':
      return first('approve');
    case 'highlight':
      return first('highlight', 'unhighlight');
    case 'answered':
      return first('markAnswered', 'reopen');
    case 'dismiss':
      return first('dismiss', 'restore');
    case 'pin':
      return first('pin', 'unpin');
    default:
      return null;
  }
}

/**
 * Which question gets focus after an action on `id`. When the question leaves
 * its part of the list (approved, dismissed…), focus goes to the one that took
 * its place, so a moderator can work down the pending list key by key; the
 * question itself when nothing is left there, or when it stays.
 */
export function focusAfterAction(sectionIds: readonly string[], id: string, leaves: boolean): string {
  if (!leaves) return id;
  const index = sectionIds.indexOf(id);
  if (index < 0) return id;
  return sectionIds[index + 1] ?? sectionIds[index - 1] ?? id;
}

/** Whether an action moves the question to another part of the list. */
export function actionMoves(
  action: ModeratorAction,
  question: Pick<QuestionView, 'status' | 'dismissedFrom'>,
) {
  const patch = patchFor(action, question);
  return patch.status !== undefined && patch.status !== question.status;
}
