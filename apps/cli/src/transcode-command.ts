import { parseArgs } from 'node:util';
import {
  DEFAULT_LOUDNESS_TARGET,
  isAbortError,
  QuickPublishNotPossibleError,
  transcodeRecording,
  UnusableMediaError,
} from '@folkemote/media';
import { z } from 'zod';
import { createProgressDisplay } from './progress-bar.ts';

export const TRANSCODE_USAGE = `Usage: pnpm cli transcode <input> --out <dir> [--quick] [--target-lufs -16] [--true-peak -1.5] [--threads N]

Transcodes a recording into an HLS version (master.m3u8 and renditions), a poster, a
sprite with its WebVTT index, a download file and manifest.json in <dir>.

  --out, -o       output directory (created; an earlier transcode in it is replaced)
  --quick         stream-copy an H.264/AAC recording into one rendition (seconds, no
                  loudness, no sprite, no download file)
  --target-lufs   integrated loudness target, EBU R128 (default ${DEFAULT_LOUDNESS_TARGET.targetLufs})
  --true-peak     true-peak ceiling in dBTP (default ${DEFAULT_LOUDNESS_TARGET.truePeakDbtp})
  --threads       ffmpeg threads per decoder and encoder (default: ffmpeg's choice)

Exit status: 0 done, 2 the input cannot be used (the reason is printed), 1 any other failure.`;

const numberArg = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, `${name} must be a number`)
    .transform(Number);

const transcodeArgsSchema = z.object({
  input: z
    .string({ error: 'Give the recording to transcode: pnpm cli transcode <input> --out <dir>' })
    .min(1),
  out: z.string({ error: 'Give an output directory with --out <dir>' }).min(1),
  quick: z.boolean(),
  targetLufs: numberArg('--target-lufs')
    .pipe(
      z
        .number()
        .min(-40, '--target-lufs must be between -40 and -5')
        .max(-5, '--target-lufs must be between -40 and -5'),
    )
    .optional(),
  truePeak: numberArg('--true-peak')
    .pipe(
      z
        .number()
        .min(-9, '--true-peak must be between -9 and 0')
        .max(0, '--true-peak must be between -9 and 0'),
    )
    .optional(),
  threads: z
    .string()
    .regex(/^\d+$/, '--threads must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, '--threads must be at least 1').max(64, '--threads must be at most 64'))
    .optional(),
});
export type TranscodeArgs = z.infer<typeof transcodeArgsSchema>;

/** Options whose value may be negative: `--target-lufs -16` would otherwise read as a flag. */
const NUMERIC_OPTIONS = new Set(['--target-lufs', '--true-peak']);

function joinNegativeValues(argv: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (NUMERIC_OPTIONS.has(arg) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

export type ParsedTranscodeArgs =
  | { ok: true; args: TranscodeArgs }
  | { ok: false; help: boolean; message: string };

/** Parses the words after `transcode`. */
export function parseTranscodeArgs(argv: string[]): ParsedTranscodeArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        quick: { type: 'boolean', default: false },
        'target-lufs': { type: 'string' },
        'true-peak': { type: 'string' },
        threads: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return { ok: false, help: false, message: err instanceof Error ? err.message : String(err) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: false, help: true, message: TRANSCODE_USAGE };
  if (positionals.length > 1)
    return { ok: false, help: false, message: `Give one input file, not ${positionals.length}` };
  const result = transcodeArgsSchema.safeParse({
    input: positionals[0],
    out: values.out,
    quick: values.quick,
    targetLufs: values['target-lufs'],
    truePeak: values['true-peak'],
    threads: values.threads,
  });
  if (!result.success)
    return { ok: false, help: false, message: result.error.issues[0]?.message ?? 'Invalid arguments' };
  return { ok: true, args: result.data };
}

export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/**
 * `pnpm cli transcode <input> --out <dir> [--quick] [--target-lufs -16]`: runs the same
 * transcodeRecording as the worker. `argv` holds the words after `transcode`.
 * Resolves with the exit status: 0 done, 2 unusable input, 1 anything else (130 on Ctrl-C).
 */
export async function runTranscodeCommand(argv: string[], io: CommandIo = process): Promise<number> {
  const parsed = parseTranscodeArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout.write(`${parsed.message}\n`);
      return 0;
    }
    io.stderr.write(`${parsed.message}\n\n${TRANSCODE_USAGE}\n`);
    return 1;
  }
  const { args } = parsed;
  const display = createProgressDisplay(io);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const started = Date.now();
  try {
    const manifest = await transcodeRecording(args.input, args.out, {
      kind: args.quick ? 'quick' : 'full',
      loudness: {
        targetLufs: args.targetLufs ?? DEFAULT_LOUDNESS_TARGET.targetLufs,
        truePeakDbtp: args.truePeak ?? DEFAULT_LOUDNESS_TARGET.truePeakDbtp,
      },
      threads: args.threads,
      signal: controller.signal,
      onProgress: (p) => display.update(p),
    });
    display.finish();
    const seconds = (Date.now() - started) / 1000;
    const speed = seconds > 0 ? manifest.durationSeconds / seconds : 0;
    const lines = [
      `Done in ${seconds.toFixed(1)} s (${speed.toFixed(1)}x real time): ${args.out}`,
      `  master    ${manifest.master}`,
      ...manifest.renditions.map(
        (r) =>
          `  ${r.name.padEnd(9)} ${r.kind === 'video' ? `${r.width}x${r.height}` : 'audio'}, ` +
          `${Math.round(r.averageBandwidth / 1000)} kb/s${r.copied ? ', copied' : ''}`,
      ),
      `  download  ${manifest.download ? manifest.download.file : 'none (quick version)'}`,
      ...(manifest.loudness?.after
        ? [
            `  loudness  ${manifest.loudness.before.integratedLufs} -> ${manifest.loudness.after.integratedLufs} LUFS`,
          ]
        : []),
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (err) {
    display.finish();
    if (err instanceof UnusableMediaError) {
      io.stderr.write(`${err.reason}\n`);
      return 2;
    }
    if (err instanceof QuickPublishNotPossibleError) {
      io.stderr.write(`${err.message}\n`);
      return 2;
    }
    if (isAbortError(err)) {
      io.stderr.write('Aborted; the output directory was emptied\n');
      return 130;
    }
    io.stderr.write(`Transcode failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
