import { runImportCommand } from './import-command.ts';
import { runTranscodeCommand } from './transcode-command.ts';

const commands: Record<string, (argv: string[]) => Promise<number>> = {
  transcode: runTranscodeCommand,
  import: runImportCommand,
};

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  process.stderr.write(
    'usage:\n  pnpm cli transcode <input> --out <dir>\n  pnpm cli import <file> --title "…" [--event <slug>]\n',
  );
  process.exit(2);
}
process.exit(await command(rest));
