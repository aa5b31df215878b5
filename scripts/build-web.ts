import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Builds apps/web when its dist is missing or older than its sources. */
export function buildWebIfStale(root = process.cwd()): void {
  const web = path.join(root, 'apps/web');
  const built = path.join(web, 'dist/index.html');
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const p = path.join(dir, entry.name);
      return Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  const sources = Math.max(newest(path.join(web, 'src')), statSync(path.join(web, 'index.html')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('▸ Building the web app');
  const result = spawnSync('pnpm', ['--filter', '@folkemote/web', 'build'], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) throw new Error('The web app did not build');
}
