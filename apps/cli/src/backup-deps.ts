import { loadConfig } from '@folkemote/config';
import { type Database, openDatabase, reachDatabase } from '@folkemote/db';
import type { S3Settings } from '@folkemote/storage';

/** What backup and restore need from the installation, so a test can hand in its own. */
export interface BackupDeps {
  openDb(): Promise<Database>;
  s3Settings(): S3Settings;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processBackupDeps: BackupDeps = {
  openDb: async () => openDatabase(await reachDatabase(loadConfig().database)),
  s3Settings: () => loadConfig().s3,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};
