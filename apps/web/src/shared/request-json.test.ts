import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.ts';
import { readList, requestJson } from './request-json.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('requestJson', () => {
  it('returns the parsed body of a successful answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"recordings":[]}', { status: 200 })),
    );
    await expect(requestJson('/api/recordings')).resolves.toEqual({ recordings: [] });
  });

  it('turns the API error body into an ApiError with its code', async () => {
    const body = JSON.stringify({
      error: { code: 'invalid_transition', message: 'Only failed recordings can be retried' },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(body, { status: 409 })),
    );
    const error = await requestJson('/api/recordings/x/retry', { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'invalid_transition',
      message: 'Only failed recordings can be retried',
    });
  });

  it('reports a refused connection as unreachable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await requestJson('/api/recordings').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: null, code: 'network', unreachable: true });
  });

  it('names the status when an error answer is not JSON', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<h1>Bad gateway</h1>', { status: 502 })),
    );
    await expect(requestJson('/api/events')).rejects.toMatchObject({ status: 502, code: 'http_error' });
  });
});

describe('readList', () => {
  it('finds the list under its key or refuses the body', () => {
    expect(readList({ events: [1, 2] }, 'events', '/api/events')).toEqual([1, 2]);
    expect(() => readList({ events: null }, 'events', '/api/events')).toThrow(
      '/api/events did not return a list under "events"',
    );
  });
});
