import { loadConfig } from '@folkemote/config';
import { type Database, openDatabase, reachDatabase } from '@folkemote/db';
import type { AccessWithdrawal } from '@folkemote/queue';
import { announceWithdrawal } from './announce-withdrawal.ts';

/** What the account and token commands need from the outside, so tests can hand in their own. */
export interface CliIo {
  openDb(): Promise<Database>;
  /** Tells the API instances a right is withdrawn; false when Redis does not answer. */
  announce(withdrawal: AccessWithdrawal): Promise<boolean>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin(): Promise<string>;
}

export const processIo: CliIo = {
  // With PGlite the directory belongs to one process: a running `pnpm dev` serves it, and the
  // command goes through that; otherwise it opens the directory itself (refused if another has it).
  openDb: async () => openDatabase(await reachDatabase(loadConfig().database)),
  announce(withdrawal) {
    const { redis } = loadConfig();
    return announceWithdrawal(redis.url, redis.queuePrefix, withdrawal);
  },
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};
