import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** The committed copy of the OpenAPI document (`pnpm openapi` writes it; a test keeps it current). */
export const openApiFile = path.join(fileURLToPath(new URL('../', import.meta.url)), 'openapi.json');

/** Where the committed document says the API is: an installation's own address is not part of it. */
export const openApiFileServer = 'https://folkemote.example.no';

/** The document as the running server makes it from its routes, in the committed file's form. */
export function openApiFileText(app: FastifyInstance): string {
  const document = { ...app.swagger(), servers: [{ url: openApiFileServer }] };
  return `${JSON.stringify(document, null, 2)}\n`;
}
