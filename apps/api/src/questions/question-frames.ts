import type { QuestionChange } from '@folkemote/db';
import {
  canSeeQuestion,
  isPublicQuestionStatus,
  isQuestionStaff,
  type PollRecord,
  type QaSettings,
  type QuestionRecord,
  type QuestionView,
  type QuestionViewer,
  seesQuestions,
  viewPoll,
  viewQuestion,
} from '@folkemote/domain';
import { type SseFrame, sseFrame } from '../realtime/sse-stream.ts';

/** Stream events carry the question without `myVote`, which only the viewer's own votes change. */
export type StreamedQuestion = Omit<QuestionView, 'myVote'>;

function streamed(view: QuestionView): StreamedQuestion {
  const { myVote: _myVote, ...rest } = view;
  return rest;
}

/** Which rendering of a question a viewer gets: staff, the asker, or anyone else in the audience. */
function audienceOf(
  question: Pick<QuestionRecord, 'registrationId'>,
  viewer: QuestionViewer,
): 'S' | 'O' | 'A' {
  if (isQuestionStaff(viewer)) return 'S';
  return viewer.registrationId !== null && question.registrationId === viewer.registrationId ? 'O' : 'A';
}

/**
 * The frames of one change, rendered once per kind of viewer and shared by all
 * viewers of that kind: thousands of attendees get the same bytes.
 *
 * - `question` {kind, question, myVote?}: the question as it is after the change, as this viewer
 *   may see it. `myVote` is there only when the change is the viewer's own (un)vote or a merge
 *   that moved votes.
 * - `remove` {kind, id, status, mergedInto}: the question was visible to this viewer and no longer is;
 *   kind `deleted` (status and mergedInto null) when it was deleted with its asker's data.
 * - nothing: the viewer could not see the question before and cannot now.
 */
export class ChangeFrames {
  private readonly cache = new Map<string, SseFrame | null>();

  constructor(
    private readonly change: QuestionChange,
    private readonly settings: QaSettings,
    /** For a merge target: who has voted for it now. */
    private readonly voters: ReadonlySet<string> | null = null,
  ) {}

  frameFor(viewer: QuestionViewer): SseFrame | null {
    const { change } = this;
    if (change.settings) return this.cached('settings', () => settingsFrame(change.seq, change.settings!));
    if (change.poll) return this.pollFrame(change.poll, viewer);
    if (!seesQuestions(viewer, this.settings)) return null;
    if (change.deletedQuestionId !== null) {
      // Staff saw it in any state, the audience only while it was public.
      const wasVisible =
        isQuestionStaff(viewer) || (change.fromStatus !== null && isPublicQuestionStatus(change.fromStatus));
      return wasVisible ? this.cached('remove', () => this.removeFrame()) : null;
    }
    const question = change.question!;
    const audience = audienceOf(question, viewer);
    if (audience === 'A' && !isPublicQuestionStatus(question.status)) {
      const wasVisible = change.fromStatus !== null && isPublicQuestionStatus(change.fromStatus);
      return wasVisible ? this.cached('remove', () => this.removeFrame()) : null;
    }
    const myVote = this.myVoteOf(viewer);
    const key = `${audience}${myVote === undefined ? 'u' : myVote ? 't' : 'f'}`;
    return this.cached(key, () => {
      const view = viewQuestion(question, viewer, this.settings, false);
      if (!view) return null;
      const data: { kind: string; question: StreamedQuestion; myVote?: boolean } = {
        kind: change.kind,
        question: streamed(view),
      };
      if (myVote !== undefined) data.myVote = myVote;
      return sseFrame(change.seq, 'question', JSON.stringify(data));
    });
  }

  /**
   * `poll` {kind, poll, answered?}: the poll as this viewer may see it (counts only where its results
   * are shown to them); `answered` only to the registrant whose answer the change is. Polls reach the
   * presenter whatever the Q&A's settings.
   */
  private pollFrame(poll: PollRecord, viewer: QuestionViewer): SseFrame | null {
    const { change } = this;
    const answered =
      change.kind === 'poll_answered' &&
      change.actor.kind === 'registration' &&
      change.actor.id === viewer.registrationId;
    const key = `P${isQuestionStaff(viewer) ? 'S' : 'A'}${viewer.role === 'presenter' ? 'p' : ''}${answered ? 'm' : ''}`;
    return this.cached(key, () => {
      const view = viewPoll(poll, viewer.role);
      if (!view) return null;
      const data: { kind: string; poll: typeof view; answered?: true } = { kind: change.kind, poll: view };
      if (answered) data.answered = true;
      return sseFrame(change.seq, 'poll', JSON.stringify(data));
    });
  }

  private myVoteOf(viewer: QuestionViewer): boolean | undefined {
    const { change } = this;
    if (viewer.registrationId === null) return undefined;
    if ((change.kind === 'voted' || change.kind === 'unvoted') && change.actor.kind === 'registration')
      return change.actor.id === viewer.registrationId ? change.kind === 'voted' : undefined;
    if (change.kind === 'merge_target' && this.voters) return this.voters.has(viewer.registrationId);
    return undefined;
  }

  private removeFrame(): SseFrame {
    const { change } = this;
    const question = change.question;
    return sseFrame(
      change.seq,
      'remove',
      JSON.stringify({
        kind: change.kind,
        id: question?.id ?? change.deletedQuestionId,
        status: question?.status ?? null,
        mergedInto: question?.mergedInto ?? null,
      }),
    );
  }

  private cached(key: string, make: () => SseFrame | null): SseFrame | null {
    if (this.cache.has(key)) return this.cache.get(key)!;
    const frame = make();
    this.cache.set(key, frame);
    return frame;
  }
}

export function settingsFrame(seq: number, settings: QaSettings): SseFrame {
  return sseFrame(seq, 'settings', JSON.stringify({ kind: 'settings', settings }));
}

/**
 * The whole list for newcomers and for viewers whose view changed wholesale (a
 * presenter when the Q&A starts). Questions are rendered once per kind of
 * viewer and joined per viewer, so a burst of connections stays cheap.
 */
export class SnapshotRenderer {
  private readonly json = new Map<string, string>();

  constructor(
    /** Sorted in the event's order. */
    private readonly questions: readonly QuestionRecord[],
    private readonly settings: QaSettings,
    private readonly lastSeq: number,
    private readonly polls: readonly PollRecord[] = [],
  ) {}

  views(viewer: QuestionViewer, voted: ReadonlySet<string> | undefined): QuestionView[] {
    if (!seesQuestions(viewer, this.settings)) return [];
    const views: QuestionView[] = [];
    for (const question of this.questions) {
      const view = viewQuestion(question, viewer, this.settings, voted?.has(question.id) ?? false);
      if (view) views.push(view);
    }
    return views;
  }

  /** The polls as viewers of this role see them, rendered once per role. */
  private pollsJson(viewer: QuestionViewer): string {
    const key = `polls:${viewer.role}`;
    let json = this.json.get(key);
    if (json === undefined) {
      json = JSON.stringify(this.polls.map((poll) => viewPoll(poll, viewer.role)).filter((v) => v !== null));
      this.json.set(key, json);
    }
    return json;
  }

  frame(
    viewer: QuestionViewer,
    voted: ReadonlySet<string> | undefined,
    pollAnswers?: ReadonlyMap<string, number[]>,
  ): SseFrame {
    const parts: string[] = [];
    if (seesQuestions(viewer, this.settings)) {
      for (const question of this.questions) {
        if (!canSeeQuestion(question, viewer, this.settings)) continue;
        const myVote = voted?.has(question.id) ?? false;
        const key = `${audienceOf(question, viewer)}${myVote ? 't' : 'f'}${question.id}`;
        let json = this.json.get(key);
        if (json === undefined) {
          json = JSON.stringify(viewQuestion(question, viewer, this.settings, myVote));
          this.json.set(key, json);
        }
        parts.push(json);
      }
    }
    return sseFrame(
      this.lastSeq,
      'snapshot',
      `{"questions":[${parts.join(',')}],"settings":${JSON.stringify(this.settings)},"polls":${this.pollsJson(viewer)},"myPollAnswers":${JSON.stringify(Object.fromEntries(pollAnswers ?? []))},"lastEventId":${this.lastSeq}}`,
    );
  }
}
