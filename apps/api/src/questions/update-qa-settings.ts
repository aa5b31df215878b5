import { findEventQa, updateEventQaSettings } from '@folkemote/db';
import type { QaSettings, QaSettingsPatch } from '@folkemote/domain';
import type { EventActor } from '../participants/event-actor.ts';
import { changeQuestions } from './change-questions.ts';
import { assertModerator, changeActorOf } from './question-actor.ts';
import type { QuestionDeps } from './question-deps.ts';

/** Pre-moderation, "questions at the end", the start of the Q&A segment and the default order. */
export async function updateQaSettings(
  deps: QuestionDeps,
  eventId: string,
  patch: QaSettingsPatch,
  actor: EventActor,
): Promise<{ settings: QaSettings; lastEventId: number }> {
  assertModerator(actor);
  const { result, lastEventId } = await changeQuestions(
    deps,
    eventId,
    changeActorOf(actor),
    async ({ tx, state, now }) => {
      await updateEventQaSettings(tx, eventId, patch, now);
      const { settings } = await findEventQa(tx, eventId);
      const changed = JSON.stringify(settings) !== JSON.stringify(state.settings);
      return { result: settings, changes: changed ? [{ kind: 'settings', question: null, settings }] : [] };
    },
  );
  return { settings: result, lastEventId };
}
