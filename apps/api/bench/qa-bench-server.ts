/**
 * The API process of `pnpm bench:qa`: the real system (Fastify, the Q&A routes,
 * one Redis subscriber, PostgreSQL) in a process of its own, as in production.
 * It answers the parent over IPC with its memory use, after a garbage collection.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '@folkemote/config';
import { startSystem } from '@folkemote/system';

export type ServerCommand = { type: 'memory' } | { type: 'stop' };
export type ServerReport =
  | { type: 'ready'; url: string }
  | {
      type: 'memory';
      rss: number;
      heapUsed: number;
      external: number;
      cpuUserMs: number;
      cpuSystemMs: number;
      /** Event-loop delay since the last report: how long work waited for the loop. */
      loopDelayP99Ms: number;
      loopDelayMaxMs: number;
    };

const system = await startSystem(loadConfig(process.env));
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

process.on('message', async (command: ServerCommand) => {
  if (command.type === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    process.send!({
      type: 'memory',
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      external: memory.external + memory.arrayBuffers,
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: loopDelay.max / 1e6,
    } satisfies ServerReport);
    loopDelay.reset();
  } else if (command.type === 'stop') {
    await system.close();
    process.exit(0);
  }
});
process.send!({ type: 'ready', url: system.url } satisfies ServerReport);
