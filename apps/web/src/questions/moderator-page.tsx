import type { QuestionPatch, QuestionSort, QuestionView } from '@folkemote/domain';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocation } from '../app/router/use-location.ts';
import { matchRouteWithParams } from '../app/routes.ts';
import { OrganiserGate } from '../auth/organiser-gate.tsx';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { ConnectionNote } from './connection-note.tsx';
import { describeQaError } from './describe-questions-error.ts';
import type { QaAuth } from './link-token.ts';
import {
  actionForCommand,
  actionMoves,
  focusAfterAction,
  type ModeratorAction,
  type ModeratorSection,
  moderatorSections,
  patchFor,
  sectionOf,
} from './moderator-actions.ts';
import { ModeratorAudit } from './moderator-audit.tsx';
import { ModeratorExport } from './moderator-export.tsx';
import { ModeratorQuestion } from './moderator-question.tsx';
import { ModeratorSettings } from './moderator-settings.tsx';
import { moveFocusIndex, readShortcut } from './moderator-shortcuts.ts';
import { PollManager } from './poll-manager.tsx';
import { QuestionAnnouncer } from './question-announcer.tsx';
import { mergeQuestion, updateQuestion, updateQuestions } from './questions-api.ts';
import { ShortcutHelp } from './shortcut-help.tsx';
import { SortChoice } from './sort-choice.tsx';
import { useEventRole } from './use-event-role.ts';
import { useEventTitle } from './use-event-title.ts';
import { useLinkAuth } from './use-link-auth.ts';
import { useQuestionQueue } from './use-question-queue.ts';
import '../shared/organiser.css';
import './questions.css';
import { QaErrorNotice } from './questions-error-notice.tsx';

/**
 * `/arrangement/<slug>/moderator#<token>`: the moderator's view of the Q&A. With
 * a staff link the token comes in the fragment; without one, the signed-in
 * organiser's session is used (and the sign-in page is shown to anyone else).
 */
export function ModeratorPage() {
  const { pathname } = useLocation();
  const slug = matchRouteWithParams(pathname).params.slug ?? '';
  const auth = useLinkAuth('moderator', slug);
  const view = <ModeratorView key={slug} slug={slug} auth={auth} />;
  return auth.kind === 'session' ? <OrganiserGate>{view}</OrganiserGate> : view;
}

const questionSelector = (id: string) => `[data-question-id="${CSS.escape(id)}"]`;

/** The question the focus is in, if any. */
function focusedQuestionId(): string | null {
  const active = document.activeElement;
  return active instanceof HTMLElement
    ? (active.closest('[data-question-id]')?.getAttribute('data-question-id') ?? null)
    : null;
}

function ModeratorView({ slug, auth }: { slug: string; auth: QaAuth }) {
  const { t } = useLocale();
  const m = t.qa.moderator;
  const id = useId();
  const title = useEventTitle(slug);
  usePageTitle(t.layout.pageTitle(title ? m.title(title) : m.titleFallback));
  const [chosenSort, setChosenSort] = useState<QuestionSort | null>(null);
  const queue = useQuestionQueue(slug, auth, chosenSort);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);

  const sections = useMemo(() => {
    const grouped: Record<ModeratorSection, QuestionView[]> = {
      pending: [],
      highlighted: [],
      live: [],
      answered: [],
      dismissed: [],
    };
    for (const question of queue.questions) {
      const section = sectionOf(question.status);
      if (section) grouped[section].push(question);
    }
    return grouped;
  }, [queue.questions]);
  const byId = useMemo(() => new Map(queue.questions.map((q) => [q.id, q])), [queue.questions]);

  // Figures are refreshed when the queue moves, not on every render.
  const statusKey = queue.questions.map((q) => `${q.id}:${q.status}`).join(',');
  useEffect(() => setRevision((n) => n + 1), [statusKey]);

  useEffect(() => {
    if (!focusTarget) return;
    const element = document.querySelector<HTMLElement>(questionSelector(focusTarget));
    if (element) {
      element.focus();
      setFocusTarget(null);
    }
  }, [focusTarget, queue.questions]);

  const markBusy = (ids: string[], on: boolean) =>
    setBusy((current) => {
      const next = new Set(current);
      for (const questionId of ids) {
        if (on) next.add(questionId);
        else next.delete(questionId);
      }
      return next;
    });

  const patch = async (
    question: QuestionView,
    change: QuestionPatch,
    focus: string | null,
  ): Promise<boolean> => {
    markBusy([question.id], true);
    setFailure(null);
    setDone('');
    try {
      const updated = await updateQuestion(question.id, auth, change);
      if (updated) queue.applyLocal(updated);
      if (focus) setFocusTarget(focus);
      return true;
    } catch (caught) {
      setFailure(toApiError(caught));
      return false;
    } finally {
      markBusy([question.id], false);
    }
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

  const merge = async (question: QuestionView, into: string): Promise<boolean> => {
    markBusy([question.id], true);
    setFailure(null);
    try {
      const result = await mergeQuestion(question.id, auth, into);
      if (result.merged) queue.applyLocal(result.merged);
      if (result.question) queue.applyLocal(result.question);
      setDone(m.done);
      setFocusTarget(into);
      return true;
    } catch (caught) {
      setFailure(toApiError(caught));
      return false;
    } finally {
      markBusy([question.id], false);
    }
  };

  const bulk = async (status: 'live' | 'dismissed') => {
    const ids = [...selected].filter((questionId) => {
      const question = byId.get(questionId);
      if (!question) return false;
      return status === 'live'
        ? question.status === 'pending'
        : question.status !== 'dismissed' && question.status !== 'merged';
    });
    if (ids.length === 0) return;
    markBusy(ids, true);
    setFailure(null);
    setDone('');
    try {
      const updated = await updateQuestions(slug, auth, ids, status);
      for (const question of updated) queue.applyLocal(question);
      setSelected(new Set());
      setDone(m.bulk.updated(updated.length));
    } catch (caught) {
      setFailure(toApiError(caught));
    } finally {
      markBusy(ids, false);
    }
  };

  const toggleSelected = useCallback((questionId: string, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(questionId);
      else next.delete(questionId);
      return next;
    });
  }, []);

  // The key handler reads the latest list and actions through a ref, so it is attached once.
  const latest = useRef({ sections, byId, act, toggleSelected, selected });
  latest.current = { sections, byId, act, toggleSelected, selected };
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
      const { sections: current, byId: questions } = latest.current;
      const focused = focusedQuestionId();
      if (command === 'next' || command === 'previous') {
        const order = moderatorSections.flatMap((s) => current[s].map((q) => q.id));
        const index = moveFocusIndex(focused ? order.indexOf(focused) : -1, order.length, command);
        if (index < 0) return;
        event.preventDefault();
        document.querySelector<HTMLElement>(questionSelector(order[index]!))?.focus();
        return;
      }
      const question = focused ? questions.get(focused) : undefined;
      if (!question) return;
      if (command === 'select') {
        event.preventDefault();
        latest.current.toggleSelected(question.id, !latest.current.selected.has(question.id));
        return;
      }
      const action = actionForCommand(command, question);
      if (!action) return;
      event.preventDefault();
      latest.current.act(question, action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // An attendee's own link opens the audience's view of the queue, not this one.
  const role = useEventRole(slug, auth);
  const notStaff = role === 'attendee';
  const fatal = queue.error?.fatal ? queue.error.error : null;
  const selectedCount = [...selected].filter((questionId) => byId.has(questionId)).length;
  const mergeTargetsFor = (question: QuestionView) =>
    queue.questions.filter((q) => q.id !== question.id && q.status !== 'merged' && q.status !== 'dismissed');

  return (
    <div className="qa-moderator">
      <div className="page-intro">
        <h1 tabIndex={-1}>{title ? m.title(title) : m.titleFallback}</h1>
        <p className="lead">{m.intro}</p>
        {queue.error?.fatal ? null : <ConnectionNote status={queue.connection} />}
      </div>
      <QuestionAnnouncer
        notices={queue.notices}
        kinds={[
          'asked',
          'approved',
          'highlighted',
          'answered',
          'dismissed',
          'edited',
          'answerAdded',
          'qaStarted',
        ]}
      />
      {notStaff || fatal ? (
        <div className="notice notice--error" role="alert">
          <p>
            {notStaff || fatal?.status === 401 || fatal?.status === 403
              ? m.noAccess
              : describeQaError(fatal!, t.qa)}
          </p>
        </div>
      ) : queue.error ? (
        <QaErrorNotice error={queue.error.error} />
      ) : null}
      {notStaff || fatal ? null : (
        <div className="qa-moderator__grid">
          <div className="qa-moderator__main">
            <section className="qa-bulk" aria-labelledby={`${id}-bulk`}>
              <h2 id={`${id}-bulk`} className="qa-bulk__heading">
                {m.bulk.heading}
              </h2>
              <p className="qa-bulk__count">{m.bulk.selected(selectedCount)}</p>
              <div className="qa-actions">
                <button type="button" className="button" onClick={() => void bulk('live')}>
                  {m.bulk.approve}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void bulk('dismissed')}
                >
                  {m.bulk.dismiss}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setSelected(new Set(sections.pending.map((q) => q.id)))}
                >
                  {m.bulk.selectPending}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setSelected(new Set())}
                >
                  {m.bulk.clear}
                </button>
              </div>
            </section>
            <SortChoice sort={queue.sort} onChange={setChosenSort} />
            {failure ? <QaErrorNotice error={failure} /> : null}
            <p className="visually-hidden" role="status">
              {done}
            </p>
            {queue.status === 'loading' ? <p className="muted">{m.loading}</p> : null}
            {moderatorSections.map((section) => (
              <section
                key={section}
                className={`qa-section qa-section--${section}`}
                aria-labelledby={`${id}-${section}`}
              >
                <h2 id={`${id}-${section}`}>
                  {m.sections[section]}{' '}
                  <span className="qa-section__count">({sections[section].length})</span>
                </h2>
                {sections[section].length === 0 ? (
                  <p className="muted">{m.empty[section]}</p>
                ) : (
                  <ol className="qa-mod-list">
                    {sections[section].map((question) => (
                      <ModeratorQuestion
                        key={question.id}
                        question={question}
                        selected={selected.has(question.id)}
                        busy={busy.has(question.id)}
                        mergeTargets={mergeTargetsFor(question)}
                        onSelect={(on) => toggleSelected(question.id, on)}
                        onAction={(action) => act(question, action)}
                        onPatch={(change) => patch(question, change, null)}
                        onMerge={(into) => merge(question, into)}
                      />
                    ))}
                  </ol>
                )}
              </section>
            ))}
          </div>
          <div className="qa-moderator__side">
            {queue.settings ? (
              <ModeratorSettings
                slug={slug}
                auth={auth}
                settings={queue.settings}
                onSaved={queue.applyLocalSettings}
              />
            ) : null}
            <div className="panel">
              <PollManager
                slug={slug}
                auth={auth}
                polls={queue.polls}
                canManage={role === 'host' || role === 'moderator'}
                onChanged={queue.applyLocalPoll}
              />
            </div>
            <ShortcutHelp />
            <ModeratorExport slug={slug} auth={auth} revision={revision} />
            <ModeratorAudit slug={slug} auth={auth} />
          </div>
        </div>
      )}
    </div>
  );
}
