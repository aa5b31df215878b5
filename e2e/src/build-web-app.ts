import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds the web app from its current sources into a fresh temporary directory
 * and returns it, so a browser test never runs against a stale apps/web/dist
 * nor races another build of it. The caller removes the directory.
 */
export async function buildWebApp(): Promise<string> {
  const dist = await mkdtemp(join(tmpdir(), 'folkemote-web-'));
  await promisify(execFile)(
    'pnpm',
    [
      '--filter',
      '@folkemote/web',
      'exec',
      'vite',
      'build',
      '--outDir',
      dist,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'production' } },
  );
  return dist;
}
