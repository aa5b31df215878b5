import {
  type Database,
  findEventQa,
  listPollAnswersOf,
  listPolls,
  listQuestions,
  listVotesOf,
} from '@folkemote/db';
import {
  type PollView,
  type QaSettings,
  type QuestionSort,
  type QuestionView,
  type QuestionViewer,
  seesQuestions,
  sortQuestions,
  viewPoll,
} from '@folkemote/domain';
import { SnapshotRenderer } from './question-frames.ts';

export interface QuestionList {
  questions: QuestionView[];
  settings: QaSettings;
  /** The stream id this list is up to date with: send it as Last-Event-ID to follow on from here. */
  lastEventId: number;
  /** The presenter before the Q&A starts, with questions kept for the end: the list is empty on purpose. */
  hiddenUntilQaStarts: boolean;
  /** The polls the viewer may see, and the viewer's own answers to them (poll id → choices). */
  polls: PollView[];
  myPollAnswers: Record<string, number[]>;
}

/** The questions the viewer may see, in the event's order (or the one asked for). */
export async function listQuestionsFor(
  db: Database,
  eventId: string,
  viewer: QuestionViewer,
  sort?: QuestionSort,
): Promise<QuestionList> {
  // The number first: the list read after it may be newer, never older, so following on loses nothing.
  const { settings, lastSeq } = await findEventQa(db, eventId);
  const questions = sortQuestions(await listQuestions(db, eventId), sort ?? settings.sort);
  const voted = viewer.registrationId
    ? new Set((await listVotesOf(db, eventId, [viewer.registrationId])).map((v) => v.questionId))
    : undefined;
  return {
    questions: new SnapshotRenderer(questions, settings, lastSeq).views(viewer, voted),
    settings,
    lastEventId: lastSeq,
    hiddenUntilQaStarts: !seesQuestions(viewer, settings),
    polls: (await listPolls(db, eventId)).map((p) => viewPoll(p, viewer.role)).filter((p) => p !== null),
    myPollAnswers: viewer.registrationId
      ? Object.fromEntries(
          (await listPollAnswersOf(db, eventId, [viewer.registrationId])).get(viewer.registrationId) ?? [],
        )
      : {},
  };
}
