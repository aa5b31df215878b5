import { type Database, listPollAnswersOf, listPolls, listQuestions, listVotesOf } from '@folkemote/db';
import { type QaSettings, sortQuestions } from '@folkemote/domain';
import { SnapshotRenderer } from './question-frames.ts';

/** The question ids each registration has voted for. */
function votesByRegistration(votes: Array<{ registrationId: string; questionId: string }>) {
  const voted = new Map<string, Set<string>>();
  for (const vote of votes) {
    const set = voted.get(vote.registrationId) ?? new Set<string>();
    set.add(vote.questionId);
    voted.set(vote.registrationId, set);
  }
  return voted;
}

/**
 * The event's questions and polls as of change `seq`, with the votes and poll
 * answers of the given registrations. The four reads are independent and run together.
 */
export async function readFeedSnapshot(
  db: Database,
  eventId: string,
  settings: QaSettings,
  registrationIds: string[],
  seq: number,
) {
  const [questions, votes, polls, pollAnswers] = await Promise.all([
    listQuestions(db, eventId),
    listVotesOf(db, eventId, registrationIds),
    listPolls(db, eventId),
    listPollAnswersOf(db, eventId, registrationIds),
  ]);
  const renderer = new SnapshotRenderer(sortQuestions(questions, settings.sort), settings, seq, polls);
  return { renderer, voted: votesByRegistration(votes), pollAnswers };
}
