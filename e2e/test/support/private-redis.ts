import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '@folkemote/system/testing';
import { Redis } from 'ioredis';

export interface PrivateRedis {
  url: string;
  /** SIGKILL, as a crash: no shutdown, no final save; only what is in the append-only file survives. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory; it loads the append-only file. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A redis-server of the test's own, configured as production runs it (`infra/redis/redis.conf`:
 * append-only file, fsync every second, no eviction), on a free port with its files in `dir`,
 * so it can be killed and restarted without touching the machine's Redis.
 */
export async function startPrivateRedis(dir: string): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--save',
        '',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      // Loading the append-only file answers LOADING until it is done.
      const ready = await probe
        .connect()
        .then(() => probe.ping())
        .then(
          () => true,
          () => false,
        );
      probe.disconnect();
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`the private redis-server on ${port} did not answer`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url, kill, start, stop: kill };
}
