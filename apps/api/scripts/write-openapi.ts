import { writeFile } from 'node:fs/promises';
import { startTestSystem } from '@folkemote/system/testing';
import { openApiFile, openApiFileText } from '../src/openapi-file.ts';

// `pnpm openapi`: the routes' document, written to apps/api/openapi.json (needs Redis, as the tests do).
const system = await startTestSystem();
try {
  await writeFile(openApiFile, openApiFileText(system.app));
  console.log(`wrote ${openApiFile}`);
} finally {
  await system.stop();
}
