import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The ESM entry of tsx's loader API, or null where tsx cannot be found. The packages run as
 * TypeScript through tsx (no build step); a thread gets no loader from its parent, so it
 * registers tsx itself before it imports its entry module.
 */
function tsxLoader(): string | null {
  try {
    const resolved = createRequire(import.meta.url).resolve('tsx/esm/api');
    const esm = resolved.replace(/\.cjs$/, '.mjs');
    return existsSync(esm) ? pathToFileURL(esm).href : null;
  } catch {
    return null;
  }
}

/** Runs a TypeScript module on a thread of its own; null when no loader is at hand. */
export function startTypeScriptThread(entry: URL, options: WorkerOptions = {}): Worker | null {
  const loader = tsxLoader();
  if (!loader || !existsSync(fileURLToPath(entry))) return null;
  const boot = [
    `import { register } from ${JSON.stringify(loader)};`,
    'register();',
    `await import(${JSON.stringify(entry.href)});`,
  ].join('\n');
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
