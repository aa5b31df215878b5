import { describe, expect, it } from 'vitest';
import type { PipelineDeps } from './pipeline-deps.ts';
import { requestDraftCaptions } from './request-draft-captions.ts';

/** Dependencies that fail the test if the request reaches the database or the queue. */
const untouched = {
  db: new Proxy(
    {},
    {
      get: () => {
        throw new Error('the database was used');
      },
    },
  ),
  queues: new Proxy(
    {},
    {
      get: () => {
        throw new Error('a job was enqueued');
      },
    },
  ),
} as unknown as Pick<PipelineDeps, 'db' | 'queues'>;

const recording = { id: '3e9c4f85-b0a1-4d4e-af60-5b7c8d9e0f1a', eventId: null };

describe('requestDraftCaptions', () => {
  it('refuses when no engine is configured, asking nothing of the database or the queue', async () => {
    expect(await requestDraftCaptions(untouched, { ...recording, state: 'published' }, 'none')).toMatchObject(
      {
        ok: false,
        code: 'captions_engine_not_configured',
      },
    );
  });

  it('refuses a recording whose full version is not made yet', async () => {
    for (const state of ['uploaded', 'processing', 'quick_published', 'failed'] as const)
      expect(await requestDraftCaptions(untouched, { ...recording, state }, 'pocketsphinx')).toMatchObject({
        ok: false,
        code: 'recording_not_processed',
      });
  });
});
