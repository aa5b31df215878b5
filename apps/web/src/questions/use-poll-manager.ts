import type { PollView } from '@folkemote/domain';
import { useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';
import type { QaAuth } from './link-token.ts';
import { type PollFormProblems, type PollFormValues, readPollForm } from './poll-input-problems.ts';
import { createPoll, setPollStatus } from './polls-api.ts';

const emptyForm: PollFormValues = {
  question: '',
  options: '',
  multiple: false,
  resultsVisibility: 'everyone',
};

/**
 * The staff's poll tools: the form for a new poll (checked by the domain's rules before it is
 * sent), and opening and closing polls. Every poll the API answers with goes to `onChanged`.
 *
 * @example
 * const polls = usePollManager(slug, auth, queue.applyLocalPoll);
 * <input value={polls.values.question} onChange={(e) => polls.set('question', e.target.value)} />
 */
export function usePollManager(slug: string, auth: QaAuth, onChanged: (poll: PollView) => void) {
  const m = useLocale().t.polls.manage;
  const [values, setValues] = useState<PollFormValues>(emptyForm);
  const [problems, setProblems] = useState<PollFormProblems>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);

  const set = <K extends keyof PollFormValues>(key: K, value: PollFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const create = async () => {
    const { input, problems: found } = readPollForm(values, m);
    setProblems(found ?? {});
    setSaved('');
    if (!input || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await createPoll(slug, auth, input));
      // The results setting stays for the next poll, as it was chosen.
      setValues((current) => ({ ...emptyForm, resultsVisibility: current.resultsVisibility }));
      setSaved(m.created);
    } catch (caught) {
      setFailure(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const change = async (poll: PollView, status: 'open' | 'closed') => {
    setFailure(null);
    try {
      onChanged(await setPollStatus(poll.id, auth, status));
    } catch (caught) {
      setFailure(toApiError(caught));
    }
  };

  return { values, set, problems, busy, saved, failure, create, change };
}

export type PollManagerState = ReturnType<typeof usePollManager>;
