import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createConnection } from 'node:net';

function answersPing(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

export interface EmbeddedRedis {
  startedHere: boolean;
  stop(): Promise<void>;
}

/**
 * Uses the Redis that answers on the port, or starts a redis-server of our own
 * with its data in dataDir (append-only file on, so queued jobs survive a crash).
 */
export async function ensureRedis(port: number, dataDir: string): Promise<EmbeddedRedis> {
  if (await answersPing(port)) return { startedHere: false, stop: async () => {} };
  await mkdir(dataDir, { recursive: true });
  let child: ChildProcess;
  try {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dataDir,
        '--appendonly',
        'yes',
        '--save',
        '',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
  } catch {
    throw new Error('redis-server is not installed: run scripts/bootstrap.sh or set REDIS_URL');
  }
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', () =>
      reject(new Error('redis-server could not be started: run scripts/bootstrap.sh or set REDIS_URL')),
    ),
  );
  const deadline = Date.now() + 10_000;
  while (!(await Promise.race([answersPing(port), spawnError]))) {
    if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    startedHere: true,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
