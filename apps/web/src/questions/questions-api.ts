import type { AuditEntry, QuestionList as ContractQuestionList, QuestionStats } from '@folkemote/contract';
import {
  type EventRole,
  eventRoles,
  type QaSettings,
  type QaSettingsPatch,
  type QuestionPatch,
  type QuestionView,
  type SettableQuestionStatus,
} from '@folkemote/domain';
import { fetchSession } from '../auth/auth-api.ts';
import { authHeaders, fetchRoomView } from '../room/room-api.ts';
import { ApiError } from '../shared/api-error.ts';
import { readCsrfToken } from '../shared/csrf-token.ts';
import { requestJson } from '../shared/request-json.ts';
import type { QaAuth } from './link-token.ts';

/**
 * The list as the client keeps it: the contract's answer, with the number of the last change
 * the list includes as text (the stream resumes after it; an event stream's ids are text).
 */
export type QuestionList = Pick<ContractQuestionList, 'questions' | 'settings'> & {
  lastEventId: string | null;
  polls?: ContractQuestionList['polls'];
  myPollAnswers?: ContractQuestionList['myPollAnswers'];
};

const events = (slug: string) => `/api/events/${encodeURIComponent(slug)}`;
const question = (id: string) => `/api/questions/${encodeURIComponent(id)}`;

/** The questions address of an event, which also streams its changes. */
export function questionsPath(slug: string): string {
  return `${events(slug)}/questions`;
}

/**
 * A call to the Q&A API as the link holder or the signed-in organiser; for the
 * organiser it fetches the session's CSRF token first when there is none yet.
 */
export async function qaRequest(
  auth: QaAuth,
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<unknown> {
  const method = init.method ?? 'GET';
  if (auth.kind === 'session' && method !== 'GET' && method !== 'HEAD' && !readCsrfToken())
    await fetchSession(init.signal);
  return requestJson(path, {
    method,
    headers: {
      ...authHeaders(auth),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    signal: init.signal,
  });
}

export async function fetchQuestions(
  slug: string,
  auth: QaAuth,
  signal?: AbortSignal,
): Promise<QuestionList> {
  const body = (await qaRequest(auth, questionsPath(slug), { signal })) as Partial<QuestionList> | null;
  if (!body || !Array.isArray(body.questions) || typeof body.settings !== 'object' || body.settings === null)
    throw new ApiError(200, 'bad_response', `${questionsPath(slug)} did not return a question list`);
  const lastEventId = body.lastEventId;
  return {
    questions: body.questions,
    settings: body.settings,
    lastEventId: lastEventId === null || lastEventId === undefined ? null : String(lastEventId),
    ...(Array.isArray(body.polls) ? { polls: body.polls } : {}),
    ...(body.myPollAnswers && typeof body.myPollAnswers === 'object'
      ? { myPollAnswers: body.myPollAnswers }
      : {}),
  };
}

export async function askQuestion(
  slug: string,
  auth: QaAuth,
  input: { text: string; anonymous: boolean },
): Promise<QuestionView> {
  return readQuestion(await qaRequest(auth, questionsPath(slug), { method: 'POST', body: input }));
}

export async function voteQuestion(id: string, auth: QaAuth, vote: boolean): Promise<QuestionView | null> {
  const body = await qaRequest(auth, `${question(id)}/vote`, { method: vote ? 'POST' : 'DELETE' });
  return readQuestionOrNull(body);
}

export async function updateQuestion(
  id: string,
  auth: QaAuth,
  patch: QuestionPatch,
): Promise<QuestionView | null> {
  return readQuestionOrNull(await qaRequest(auth, question(id), { method: 'PATCH', body: patch }));
}

/** Merges a duplicate into another question; both as they are afterwards. */
export async function mergeQuestion(
  id: string,
  auth: QaAuth,
  into: string,
): Promise<{ question: QuestionView | null; merged: QuestionView | null }> {
  const body = (await qaRequest(auth, `${question(id)}/merge`, { method: 'POST', body: { into } })) as {
    question?: unknown;
    merged?: unknown;
  } | null;
  return { question: readQuestionOrNull(body?.question), merged: readQuestionOrNull(body?.merged) };
}

export async function updateQuestions(
  slug: string,
  auth: QaAuth,
  ids: string[],
  status: Exclude<SettableQuestionStatus, 'highlighted'>,
): Promise<QuestionView[]> {
  const body = (await qaRequest(auth, `${questionsPath(slug)}/bulk`, {
    method: 'POST',
    body: { ids, status },
  })) as {
    questions?: QuestionView[];
  } | null;
  return Array.isArray(body?.questions) ? body.questions : [];
}

export async function updateQaSettings(
  slug: string,
  auth: QaAuth,
  patch: QaSettingsPatch,
): Promise<QaSettings> {
  const body = (await qaRequest(auth, `${events(slug)}/qa`, { method: 'PATCH', body: patch })) as {
    settings?: QaSettings;
  } | null;
  if (!body?.settings) throw new ApiError(200, 'bad_response', 'The settings came back empty');
  return body.settings;
}

/** One line of the audit log, as the API sends it (newest first). */
export type { AuditEntry, QuestionStats };

export async function fetchQuestionAudit(
  slug: string,
  auth: QaAuth,
  signal?: AbortSignal,
): Promise<AuditEntry[]> {
  const body = (await qaRequest(auth, `${questionsPath(slug)}/audit`, { signal })) as {
    entries?: unknown;
  } | null;
  if (!body || !Array.isArray(body.entries))
    throw new ApiError(200, 'bad_response', 'The audit log came back without entries');
  return body.entries as AuditEntry[];
}

export async function fetchQuestionStats(
  slug: string,
  auth: QaAuth,
  signal?: AbortSignal,
): Promise<QuestionStats> {
  return (await qaRequest(auth, `${questionsPath(slug)}/stats`, { signal })) as QuestionStats;
}

/** The CSV export as a file; fetched rather than linked when a link token must go in a header. */
export async function fetchQuestionsCsv(
  slug: string,
  auth: QaAuth,
  what: 'questions' | 'polls' = 'questions',
): Promise<Blob> {
  const response = await fetch(`${events(slug)}/${what}?format=csv`, {
    headers: { accept: 'text/csv', ...authHeaders(auth) },
  }).catch(() => {
    throw new ApiError(null, 'network', 'No answer from the CSV export');
  });
  if (!response.ok) throw new ApiError(response.status, 'http_error', 'The CSV export failed');
  return response.blob();
}

function readQuestion(body: unknown): QuestionView {
  const view = readQuestionOrNull(body);
  if (!view) throw new ApiError(200, 'bad_response', 'The answer carried no question');
  return view;
}

function readQuestionOrNull(body: unknown): QuestionView | null {
  if (!body || typeof body !== 'object') return null;
  const candidate = 'question' in body ? (body as { question: unknown }).question : body;
  return candidate && typeof candidate === 'object' && 'id' in candidate && 'status' in candidate
    ? (candidate as QuestionView)
    : null;
}

/**
 * The viewer's role in the event, as the room sees it: the staff views use it to
 * turn away an attendee's link before showing buttons that would only be refused.
 */
export async function fetchEventRole(
  slug: string,
  auth: QaAuth,
  signal?: AbortSignal,
): Promise<EventRole | null> {
  const role: unknown = (await fetchRoomView(slug, auth, signal))?.me?.role;
  return typeof role === 'string' && (eventRoles as readonly string[]).includes(role)
    ? (role as EventRole)
    : null;
}
