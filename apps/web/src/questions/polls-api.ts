import type { PollInput, PollView } from '@folkemote/domain';
import { ApiError } from '../shared/api-error.ts';
import type { QaAuth } from './link-token.ts';
import { qaRequest } from './questions-api.ts';

const pollPath = (id: string) => `/api/polls/${encodeURIComponent(id)}`;

function readPoll(body: unknown): PollView {
  const poll = (body as { poll?: PollView } | null)?.poll;
  if (!poll || typeof poll.id !== 'string')
    throw new ApiError(200, 'bad_response', 'The answer held no poll');
  return poll;
}

export async function createPoll(slug: string, auth: QaAuth, input: PollInput): Promise<PollView> {
  return readPoll(
    await qaRequest(auth, `/api/events/${encodeURIComponent(slug)}/polls`, { method: 'POST', body: input }),
  );
}

export async function setPollStatus(id: string, auth: QaAuth, status: 'open' | 'closed'): Promise<PollView> {
  return readPoll(await qaRequest(auth, pollPath(id), { method: 'PATCH', body: { status } }));
}

export async function answerPoll(
  id: string,
  auth: QaAuth,
  choices: number[],
): Promise<{ poll: PollView; choices: number[] }> {
  const body = await qaRequest(auth, `${pollPath(id)}/answers`, { method: 'POST', body: { choices } });
  return { poll: readPoll(body), choices: (body as { choices: number[] }).choices };
}
