import type { RecordingView } from '@folkemote/contract';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MultipartUploader, type UploadSnapshot, type UploadTransport } from './multipart-uploader.ts';
import { PartPutError } from './put-part.ts';

const PART = 10;

/** A store in memory: parts put are kept, and `failAfter` puts later the network goes. */
function fakeStore(options: { stored?: number[]; failPuts?: number[] } = {}) {
  const stored = new Map<number, number>((options.stored ?? []).map((n) => [n, PART]));
  const puts: number[] = [];
  const failPuts = new Set(options.failPuts ?? []);
  const transport: UploadTransport = {
    storedParts: async () => [...stored].map(([partNumber, size]) => ({ partNumber, size })),
    sign: async (_id, numbers) => ({
      urls: numbers.map((n) => ({ partNumber: n, url: `part:${n}` })),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    }),
    put: async (url, body, onProgress) => {
      const n = Number(url.slice(5));
      puts.push(n);
      if (failPuts.delete(n)) throw new PartPutError(0);
      onProgress(body.size);
      stored.set(n, body.size);
    },
    complete: async (id) => ({ id, title: 'Møte' }) as RecordingView,
  };
  return { transport, puts, stored };
}

async function settle(uploader: { snapshot: UploadSnapshot | null }, status: UploadSnapshot['status']) {
  await vi.waitFor(() => expect(uploader.snapshot?.status).toBe(status), { timeout: 5000 });
}

const file = new Blob([new Uint8Array(4 * PART + 3)]);
const target = { id: 'u1', partSize: PART, partCount: 5, fileSize: 4 * PART + 3 };

afterEach(() => {
  vi.useRealTimers();
});

describe('the multipart uploader', () => {
  it('sends only the parts the store does not hold, then completes', async () => {
    const store = fakeStore({ stored: [1, 3] });
    const seen = { snapshot: null as UploadSnapshot | null };
    new MultipartUploader(file, target, store.transport, (s) => {
      seen.snapshot = s;
    }).start();
    await settle(seen, 'done');
    expect(store.puts.sort()).toEqual([2, 4, 5]);
    expect(store.stored.get(5)).toBe(3);
    expect(seen.snapshot?.bytesDone).toBe(target.fileSize);
  });

  it('waits after a lost connection, resumes without sending a finished part again, and tries at once when back online', async () => {
    const store = fakeStore({ failPuts: [4] });
    const seen = { snapshot: null as UploadSnapshot | null };
    const uploader = new MultipartUploader(
      file,
      target,
      store.transport,
      (s) => {
        seen.snapshot = s;
      },
      1,
    );
    uploader.start();
    await settle(seen, 'offline');
    expect(seen.snapshot?.retryInSeconds).toBe(1);
    expect(store.puts).toEqual([1, 2, 3, 4]);
    uploader.retryNow();
    await settle(seen, 'done');
    expect(store.puts).toEqual([1, 2, 3, 4, 4, 5]);
  });

  it('stops on a refusal that trying again cannot mend', async () => {
    const store = fakeStore();
    const { ApiError } = await import('../../shared/api-error.ts');
    store.transport.sign = async () => {
      throw new ApiError(409, 'upload_aborted', 'aborted');
    };
    const seen = { snapshot: null as UploadSnapshot | null };
    new MultipartUploader(file, target, store.transport, (s) => {
      seen.snapshot = s;
    }).start();
    await settle(seen, 'failed');
    expect(store.puts).toEqual([]);
  });
});
