import type { QuestionView } from '@folkemote/domain';
import { useEffect, useRef } from 'react';
import { actionForCommand, type ModeratorAction, moderatorSections } from './moderator-actions.ts';
import { focusedQuestionId, questionSelector } from './moderator-focus.ts';
import { moveFocusIndex, readShortcut, type ShortcutCommand } from './moderator-shortcuts.ts';
import type { ModeratorSections } from './use-moderator-queue.ts';

export interface ShortcutTargets {
  sections: ModeratorSections;
  byId: ReadonlyMap<string, QuestionView>;
  selected: ReadonlySet<string>;
  act: (question: QuestionView, action: ModeratorAction) => void;
  toggleSelected: (id: string, on: boolean) => void;
}

/** Moves the focus to the next or previous question across the sections; false when there is none. */
function moveFocus(sections: ModeratorSections, command: 'next' | 'previous'): boolean {
  const focused = focusedQuestionId();
  const order = moderatorSections.flatMap((s) => sections[s].map((q) => q.id));
  const index = moveFocusIndex(focused ? order.indexOf(focused) : -1, order.length, command);
  if (index < 0) return false;
  document.querySelector<HTMLElement>(questionSelector(order[index]!))?.focus();
  return true;
}

/** Carries out a command on the focused question; false when it does not apply. */
function runCommand(
  targets: ShortcutTargets,
  command: Exclude<ShortcutCommand, 'next' | 'previous'>,
): boolean {
  const focused = focusedQuestionId();
  const question = focused ? targets.byId.get(focused) : undefined;
  if (!question) return false;
  if (command === 'select') {
    targets.toggleSelected(question.id, !targets.selected.has(question.id));
    return true;
  }
  const action = actionForCommand(command, question);
  if (!action) return false;
  targets.act(question, action);
  return true;
}

/**
 * The moderator's keyboard shortcuts (`moderatorShortcuts`) on the whole page: move between
 * questions, act on the focused one, select it. The handler reads the latest list and
 * actions through a ref, so it is attached once.
 */
export function useModeratorShortcuts(targets: ShortcutTargets): void {
  const latest = useRef(targets);
  latest.current = targets;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = readShortcut({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        target:
          event.target instanceof HTMLElement ? (event.target as HTMLElement & { type?: string }) : null,
      });
      if (!command) return;
      const handled =
        command === 'next' || command === 'previous'
          ? moveFocus(latest.current.sections, command)
          : runCommand(latest.current, command);
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
