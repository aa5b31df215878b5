import { findLiveRoom, insertQuestion } from '@folkemote/db';
import {
  initialQuestionStatus,
  type QuestionInput,
  type QuestionView,
  viewQuestion,
} from '@folkemote/domain';
import type { EventActor } from '../participants/event-actor.ts';
import { changeQuestions } from './change-questions.ts';
import { assertAttendee, changeActorOf, viewerOf } from './question-actor.ts';
import type { QuestionDeps } from './question-deps.ts';
import { QuestionError } from './question-error.ts';

/**
 * An attendee asks: pending when the event pre-moderates, otherwise live at once.
 * Before the room first goes live, only where the organiser lets questions in from registration on.
 */
export async function askQuestion(
  deps: QuestionDeps,
  eventId: string,
  actor: EventActor,
  input: QuestionInput,
): Promise<{ question: QuestionView; lastEventId: number }> {
  assertAttendee(actor);
  const { result, lastEventId } = await changeQuestions(
    deps,
    eventId,
    changeActorOf(actor),
    async ({ tx, state, now }) => {
      if (!state.settings.questionsBeforeStart && (await findLiveRoom(tx, eventId))?.liveAt == null)
        throw new QuestionError(
          409,
          'questions_not_open_yet',
          'Questions are taken once the webinar has started',
        );
      const question = await insertQuestion(tx, {
        eventId,
        registrationId: actor.id,
        status: initialQuestionStatus(state.settings.preModeration),
        text: input.text,
        anonymous: input.anonymous,
        now,
      });
      return {
        result: viewQuestion(question, viewerOf(actor), state.settings, false)!,
        changes: [{ kind: 'asked', question, fromStatus: null }],
      };
    },
    { lockFirst: false },
  );
  return { question: result, lastEventId };
}
