import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
  it('describes the answers of every route', () => {
    const all = operations();
    const missing = all.filter(([, operation]) => !described(operation)).map(([route]) => route);
    expect(all.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('describes the 400 of every route that takes a body', () => {
    const withoutErrors = operations()
      .filter(([, operation]) => operation.requestBody !== undefined && !operation.responses?.['400'])
      .map(([route]) => route);
    expect(withoutErrors).toEqual([]);
  });
});
