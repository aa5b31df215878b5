import type { QuestionChange } from '@folkemote/db';
import type { QaSettings, QuestionChangeKind, QuestionStatus } from '@folkemote/domain';

/** One line of the audit log: who did what to which question, and when. */
export interface QuestionAuditEntry {
  seq: number;
  at: string;
  kind: QuestionChangeKind;
  questionId: string | null;
  fromStatus: QuestionStatus | null;
  actor: { kind: string; role: string; name: string | null };
  /** The question right after the change; null for settings and for a deleted question. */
  question: {
    status: QuestionStatus;
    text: string;
    originalText: string | null;
    pinned: boolean;
    answer: string | null;
    votes: number;
    mergedInto: string | null;
  } | null;
  settings: QaSettings | null;
}

export function toAuditEntry(change: QuestionChange): QuestionAuditEntry {
  const q = change.question;
  return {
    seq: change.seq,
    at: change.createdAt,
    kind: change.kind,
    questionId: change.questionId ?? change.deletedQuestionId,
    fromStatus: change.fromStatus,
    actor: { kind: change.actor.kind, role: change.actor.role, name: change.actor.name },
    question: q
      ? {
          status: q.status,
          text: q.text,
          originalText: q.originalText,
          pinned: q.pinned,
          answer: q.answer,
          votes: q.votes,
          mergedInto: q.mergedInto,
        }
      : null,
    settings: change.settings,
  };
}
