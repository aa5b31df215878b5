// Each command is loaded only when asked for, so one command's dependencies never slow down or break another.
const commands: Record<string, (argv: string[]) => Promise<number>> = {
  transcode: async (argv) => (await import('./transcode-command.ts')).runTranscodeCommand(argv),
  import: async (argv) => (await import('./import-command.ts')).runImportCommand(argv),
  orgs: async (argv) => (await import('./orgs-command.ts')).runOrgsCommand(argv),
  users: async (argv) => (await import('./users-command.ts')).runUsersCommand(argv),
  tokens: async (argv) => (await import('./tokens-command.ts')).runTokensCommand(argv),
  backup: async (argv) => (await import('./backup-command.ts')).runBackupCommand(argv),
  restore: async (argv) => (await import('./restore-command.ts')).runRestoreCommand(argv),
};

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  process.stderr.write(
    'usage:\n  pnpm cli transcode <input> --out <dir>\n  pnpm cli import <file> --org <slug> --title "…" [--event <slug>]\n' +
      '  pnpm cli orgs create --slug <slug> --name "<name>" | list\n' +
      '  pnpm cli users create --org <slug> --email <e-mail> --name "<name>"\n' +
      '  pnpm cli tokens create --org <slug> --name "<label>" | list --org <slug> | revoke <id>\n' +
      '  pnpm cli backup <dir> | restore <dir>\n',
  );
  process.exit(2);
}
try {
  process.exit(await command(rest));
} catch (err) {
  // One clear line, not a stack trace, when the embedded database is held by another process
  // (told by name, so that commands without a database never load @folkemote/db).
  const refusal = err as Error | undefined;
  if (refusal?.name !== 'PgliteInUseError') throw err;
  process.stderr.write(`${refusal.message}\n`);
  process.exit(1);
}
