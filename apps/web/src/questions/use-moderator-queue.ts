import type { QuestionPatch, QuestionSort, QuestionView } from '@folkemote/domain';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';
import type { QaAuth } from './link-token.ts';
import {
  actionMoves,
  focusAfterAction,
  type ModeratorAction,
  type ModeratorSection,
  patchFor,
  sectionOf,
} from './moderator-actions.ts';
import { focusedQuestionId, questionSelector } from './moderator-focus.ts';
import { mergeQuestion, updateQuestion, updateQuestions } from './questions-api.ts';
import { type QuestionQueue, useQuestionQueue } from './use-question-queue.ts';

export type ModeratorSections = Record<ModeratorSection, QuestionView[]>;

/** The questions by the section of the moderator's page they stand in, in queue order. */
export function groupBySection(questions: readonly QuestionView[]): ModeratorSections {
  const grouped: ModeratorSections = { pending: [], highlighted: [], live: [], answered: [], dismissed: [] };
  for (const question of questions) {
    const section = sectionOf(question.status);
    if (section) grouped[section].push(question);
  }
  return grouped;
}

/** A set of question ids, with a function that adds or removes some at once. */
function useIdSet() {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const mark = useCallback(
    (some: readonly string[], on: boolean) =>
      setIds((current) => {
        const next = new Set(current);
        for (const id of some) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    [],
  );
  return [ids, setIds, mark] as const;
}

/** Moves the focus to a question once it is on the page (after the list has moved). */
function useFocusQuestion(questions: readonly QuestionView[]) {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    const element = document.querySelector<HTMLElement>(questionSelector(target));
    if (element) {
      element.focus();
      setTarget(null);
    }
  }, [target, questions]);
  return setTarget;
}

/** A number that grows when the queue moves (a status changes), not on every render. */
function useQueueRevision(questions: readonly QuestionView[]): number {
  const [revision, setRevision] = useState(0);
  const statusKey = questions.map((q) => `${q.id}:${q.status}`).join(',');
  useEffect(() => setRevision((n) => n + 1), [statusKey]);
  return revision;
}

/** Whether a bulk change to `status` applies to the question. */
function bulkApplies(question: QuestionView, status: 'live' | 'dismissed'): boolean {
  return status === 'live'
    ? question.status === 'pending'
    : question.status !== 'dismissed' && question.status !== 'merged';
}

/** Changes to questions: those being changed (busy), the last failure, and a runner that keeps both. */
function useQuestionChange() {
  const [busy, , markBusy] = useIdSet();
  const [failure, setFailure] = useState<ApiError | null>(null);
  /** Runs a change with its questions marked busy; a failure is kept to show. */
  const attempt = async (ids: string[], work: () => Promise<void>): Promise<boolean> => {
    markBusy(ids, true);
    setFailure(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setFailure(toApiError(caught));
      return false;
    } finally {
      markBusy(ids, false);
    }
  };
  return { busy, failure, attempt };
}

/** The questions another one may be merged into: the others still in the queue. */
export function mergeTargets(questions: readonly QuestionView[], question: QuestionView): QuestionView[] {
  return questions.filter((q) => q.id !== question.id && q.status !== 'merged' && q.status !== 'dismissed');
}

export interface ModeratorQueue {
  queue: QuestionQueue;
  sections: ModeratorSections;
  byId: ReadonlyMap<string, QuestionView>;
  selected: ReadonlySet<string>;
  /** How many of the selected questions are still in the queue. */
  selectedCount: number;
  busy: ReadonlySet<string>;
  failure: ApiError | null;
  /** The last change to announce to a screen reader. */
  done: string;
  /** Grows when the queue moves, for figures that are refreshed then. */
  revision: number;
  select: (ids: Iterable<string>) => void;
  toggleSelected: (id: string, on: boolean) => void;
  act: (question: QuestionView, action: ModeratorAction) => void;
  patch: (question: QuestionView, change: QuestionPatch, focus: string | null) => Promise<boolean>;
  merge: (question: QuestionView, into: string) => Promise<boolean>;
  bulk: (status: 'live' | 'dismissed') => Promise<void>;
  mergeTargetsFor: (question: QuestionView) => QuestionView[];
}

/**
 * The moderator's queue: the live questions by section, the selection, and the
 * changes the moderator makes (one question, a merge, or the selection at once),
 * with the focus kept on the question where it was, or the next one when it moves.
 *
 * @example
 * const mod = useModeratorQueue(slug, auth, null);
 * mod.sections.pending.map((q) => <ModeratorQuestion onAction={(a) => mod.act(q, a)} … />)
 */
export function useModeratorQueue(
  slug: string,
  auth: QaAuth,
  chosenSort: QuestionSort | null,
): ModeratorQueue {
  const m = useLocale().t.qa.moderator;
  const queue = useQuestionQueue(slug, auth, chosenSort);
  const sections = useMemo(() => groupBySection(queue.questions), [queue.questions]);
  const byId = useMemo(() => new Map(queue.questions.map((q) => [q.id, q])), [queue.questions]);
  const [selected, setSelected, markSelected] = useIdSet();
  const { busy, failure, attempt } = useQuestionChange();
  const [done, setDone] = useState('');
  const focusQuestion = useFocusQuestion(queue.questions);
  const revision = useQueueRevision(queue.questions);

  const patch = (question: QuestionView, change: QuestionPatch, focus: string | null) => {
    setDone('');
    return attempt([question.id], async () => {
      const updated = await updateQuestion(question.id, auth, change);
      if (updated) queue.applyLocal(updated);
      if (focus) focusQuestion(focus);
    });
  };

  const act = (question: QuestionView, action: ModeratorAction) => {
    const section = sectionOf(question.status);
    const sectionIds = section ? sections[section].map((q) => q.id) : [];
    const focusWasHere = focusedQuestionId() === question.id;
    const target = focusAfterAction(sectionIds, question.id, actionMoves(action, question));
    void patch(question, patchFor(action, question), focusWasHere ? target : null).then((ok) => {
      if (ok && (action === 'pin' || action === 'unpin')) setDone(m.done);
    });
  };

  const merge = (question: QuestionView, into: string) =>
    attempt([question.id], async () => {
      const result = await mergeQuestion(question.id, auth, into);
      if (result.merged) queue.applyLocal(result.merged);
      if (result.question) queue.applyLocal(result.question);
      setDone(m.done);
      focusQuestion(into);
    });

  const bulk = async (status: 'live' | 'dismissed') => {
    const ids = [...selected].filter((id) => {
      const question = byId.get(id);
      return question ? bulkApplies(question, status) : false;
    });
    if (ids.length === 0) return;
    setDone('');
    await attempt(ids, async () => {
      const updated = await updateQuestions(slug, auth, ids, status);
      for (const question of updated) queue.applyLocal(question);
      setSelected(new Set());
      setDone(m.bulk.updated(updated.length));
    });
  };

  const toggleSelected = useCallback((id: string, on: boolean) => markSelected([id], on), [markSelected]);
  return {
    queue,
    sections,
    byId,
    selected,
    selectedCount: [...selected].filter((id) => byId.has(id)).length,
    busy,
    failure,
    done,
    revision,
    select: (ids) => setSelected(new Set(ids)),
    toggleSelected,
    act,
    patch,
    merge,
    bulk,
    mergeTargetsFor: (question) => mergeTargets(queue.questions, question),
  };
}
