import { readFileSync } from 'node:fs';
import { requestBodies } from '@folkemote/contract';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiFile, openApiFileText } from '../src/openapi-file.ts';
import { registeredRoutes } from './support/registered-routes.ts';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system?.stop();
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document that lists every API route and nothing else', async () => {
    const response = await fetch(`${system.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = JSON.parse(await response.text()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toBe('3.1.0');
    const documented = Object.entries(document.paths)
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      )
      .sort();
    const registered = registeredRoutes(system.app.printRoutes({ commonPrefix: false }))
      .filter((r) => r.split(' ')[1]!.startsWith('/api/'))
      .sort();
    expect(registered.length).toBeGreaterThan(20);
    expect(documented).toEqual(registered);
  });

  it('has request-body examples that the routes’ own schemas accept', async () => {
    const document = (await (await fetch(`${system.url}/api/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: Record<string, { schema: { $ref?: string }; example?: unknown }> } }
        >
      >;
      components: { schemas: Record<string, { type?: string }> };
    };
    let checked = 0;
    for (const methods of Object.values(document.paths)) {
      for (const operation of Object.values(methods)) {
        const content = operation.requestBody?.content['application/json'];
        if (!content) continue;
        const name = content.schema.$ref!.split('/').at(-1) as keyof typeof requestBodies;
        expect(document.components.schemas[name]?.type).toBe('object');
        const parsed = requestBodies[name]!.schema.safeParse(content.example);
        expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(Object.keys(requestBodies).length);
  });

  it('is the committed apps/api/openapi.json, made from the routes (`pnpm openapi` writes it)', () => {
    expect(readFileSync(openApiFile, 'utf8')).toBe(openApiFileText(system.app));
  });
});
