import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Routes whose answers are not described in @folkemote/contract yet. Each is answered as
 * before, without its answer checked; the list only shrinks (a test below fails when a route
 * on it gains its schema, so the entry is taken out).
 */
const notYetDescribed = new Set<string>([
  'GET /api/events',
  'POST /api/events',
  'GET /api/events/{slug}',
  'PATCH /api/events/{slug}',
  'GET /api/events/{slug}/calendar.ics',
  'GET /api/organiser/events',
  'GET /api/organiser/events/{slug}',
  'POST /api/events/{slug}/publish',
  'POST /api/events/{slug}/cancel',
  'POST /api/events/{slug}/duplicate',
  'POST /api/events/{slug}/registrations',
  'GET /api/events/{slug}/registrations',
  'GET /api/registrations/me',
  'DELETE /api/registrations/me',
  'POST /api/registrations/me/cancel',
  'GET /api/events/{slug}/attendance',
  'PUT /api/events/{slug}/registrations/{id}/check-in',
  'POST /api/events/{slug}/messages',
  'POST /api/events/{slug}/join',
  'GET /api/events/{slug}/room',
  'GET /api/events/{slug}/room/audience',
  'POST /api/events/{slug}/room/open',
  'POST /api/events/{slug}/room/live',
  'POST /api/events/{slug}/room/end',
  'POST /api/events/{slug}/room/recording/start',
  'POST /api/events/{slug}/room/recording/stop',
  'POST /api/events/{slug}/room/stage',
  'POST /api/events/{slug}/room/remove',
  'POST /api/events/{slug}/room/mute',
  'POST /api/events/{slug}/room/hand',
  'DELETE /api/events/{slug}/room/hand',
  'POST /api/webhooks/livekit',
]);

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system?.stop();
});

type Operation = {
  requestBody?: unknown;
  responses?: Record<string, { description?: string; content?: unknown }>;
};

/** Every API operation of the generated document, as "METHOD /path", with its answers. */
function operations(): Array<[string, Operation]> {
  const document = system.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(
      ([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as [string, Operation],
    ),
  );
}

/** A route without a response schema gets only the plugin's stand-in answer, with no content. */
const described = (operation: Operation) => {
  const responses = Object.values(operation.responses ?? {});
  return responses.length > 1 || responses.some((r) => r.content !== undefined);
};

describe('the API contract', () => {
  it('describes the answers of every route, apart from those still listed', () => {
    const missing = operations()
      .filter(([route, operation]) => !described(operation) && !notYetDescribed.has(route))
      .map(([route]) => route);
    expect(missing).toEqual([]);
  });

  it('lists no route as undescribed that has its schema now', () => {
    const done = operations()
      .filter(([route, operation]) => described(operation) && notYetDescribed.has(route))
      .map(([route]) => route);
    expect(done).toEqual([]);
  });

  it('describes the 400 of every route that describes its answers and takes a body', () => {
    const withoutErrors = operations()
      .filter(([, operation]) => described(operation))
      .filter(([, operation]) => operation.requestBody !== undefined && !operation.responses?.['400'])
      .map(([route]) => route);
    expect(withoutErrors).toEqual([]);
  });
});
