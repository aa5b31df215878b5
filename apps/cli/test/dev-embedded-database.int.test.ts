import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@folkemote/config';
import { openPgliteDatabase } from '@folkemote/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let tmp: string;
let env: NodeJS.ProcessEnv;
let dev: ChildProcess | null = null;
let appUrl = '';

/** Runs `pnpm cli …` as an organiser would, in a process of its own. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', ...args], {
      cwd: root,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const stopDev = async () => {
  if (!dev || dev.exitCode !== null) return;
  const exited = new Promise((resolve) => dev!.once('exit', resolve));
  dev.kill('SIGTERM');
  await exited;
};

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folkemote-dev-'));
  const { DATABASE_URL: _unset, ...rest } = process.env;
  // `bash scripts/run.sh dev` on embedded defaults, on free ports, with no LiveKit to start.
  env = {
    ...rest,
    PGLITE_DIR: path.join(tmp, 'pglite'),
    S3_DATA_DIR: path.join(tmp, 's3'),
    WORK_DIR: path.join(tmp, 'work'),
    PORT: '0',
    S3_EMBEDDED_PORT: '0',
    PGLITE_PORT: '0',
    REDIS_URL: loadConfig().redis.url,
    QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    LIVEKIT_URL: 'http://127.0.0.1:9',
    DEMO_CONTENT: 'false',
    MIN_FREE_DISK_MB: '0',
    LOG_LEVEL: 'warn',
  };
  dev = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], { cwd: root, env });
  dev.stderr!.on('data', (chunk) => process.stderr.write(chunk));
  appUrl = await new Promise<string>((resolve, reject) => {
    let seen = '';
    dev!.stdout!.on('data', (chunk) => {
      seen += chunk;
      const url = /Folkemøte:\s+(http:\/\/\S+)/.exec(seen)?.[1];
      if (url) resolve(url);
    });
    dev!.once('exit', (code) => reject(new Error(`pnpm dev stopped (${code}):\n${seen}`)));
  });
}, 240_000);

afterAll(async () => {
  await stopDev();
  await rm(tmp, { recursive: true, force: true });
});

/** An organiser route: 200 only for a token the running server knows and has not seen revoked. */
const eventsWith = (token: string) =>
  fetch(`${appUrl}/api/organiser/events`, { headers: { authorization: `Bearer ${token}` } });

describe('pnpm cli while pnpm dev runs on the embedded database', () => {
  it('makes a token the running server accepts at once, and revokes it there', async () => {
    const org = await cli(['orgs', 'create', '--slug', 'somna-kommune', '--name', 'Sømna kommune']);
    expect(org.code).toBe(0);
    const created = await cli(['tokens', 'create', '--org', 'somna-kommune', '--name', 'Fylkets CMS']);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^fmt_/);
    expect((await eventsWith(token)).status).toBe(200);

    const id = /Token ([0-9a-f-]{36}) created/.exec(created.stderr)?.[1];
    expect(id).toBeDefined();
    expect((await cli(['tokens', 'revoke', id!])).code).toBe(0);
    const revoked = await eventsWith(token);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('never lets a second process open the directory: the command line refuses with one line', async () => {
    await stopDev();
    // A process that holds the directory and serves it to no one (as `pnpm start` without dev).
    const holder = await openPgliteDatabase(env.PGLITE_DIR!);
    try {
      const refused = await cli(['tokens', 'list', '--org', 'somna-kommune']);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toMatch(/is open in another process/);
    } finally {
      await holder.close();
    }
    // Once the holder is gone, the command line opens the directory itself.
    const listed = await cli(['tokens', 'list', '--org', 'somna-kommune']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/revoked\s+created/);
  });
});
