import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UnknownOrganisationError } from '@folkemote/accounts';
import { loadConfig } from '@folkemote/config';
import { findOrganisationBySlug, findRecording } from '@folkemote/db';
import type { RecordingView } from '@folkemote/domain';
import { importRecording, toRecordingView, UnknownEventError } from '@folkemote/pipeline';
import { startSystem } from '@folkemote/system';
import { z } from 'zod';
import { renderRecordingStatus } from './recording-status.ts';

const argsSchema = z.object({
  file: z.string().min(1, 'give the recording file to import'),
  title: z.string().trim().min(3, '--title must be at least 3 characters'),
  org: z.string('give the organisation the recording belongs to (--org <slug>)').min(1),
  event: z.string().optional(),
  publish: z.boolean().default(false),
});

const usage = 'usage: pnpm cli import <file> --org <slug> --title "…" [--event <slug>] [--publish]';

/**
 * Uploads a recording of an organisation, follows it through the pipeline and
 * prints its public replay URL (with --publish, or where its event publishes automatically; otherwise
 * it is held for an organiser to review and publish in the web app). Talks to the running system over HTTP with the
 * API token in FOLKEMOTE_TOKEN (which must be the organisation's); when none is
 * running, it starts the system in this process for as long as the import takes.
 */
export async function runImportCommand(argv: string[]): Promise<number> {
  let parsed: z.infer<typeof argsSchema>;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        title: { type: 'string' },
        org: { type: 'string' },
        event: { type: 'string' },
        publish: { type: 'boolean' },
      },
    });
    parsed = argsSchema.parse({
      file: positionals[0],
      title: values.title,
      org: values.org,
      event: values.event,
      publish: values.publish ?? false,
    });
  } catch (err) {
    const message =
      err instanceof z.ZodError ? err.issues.map((i) => i.message).join('; ') : (err as Error).message;
    process.stderr.write(`${message}\n${usage}\n`);
    return 2;
  }
  const size = await stat(parsed.file)
    .then((s) => s.size)
    .catch(() => null);
  if (size === null) {
    process.stderr.write(`No such file: ${parsed.file}\n`);
    return 2;
  }

  const config = loadConfig({ ...process.env, DEMO_CONTENT: 'false' });
  let apiUrl = config.publicAppUrl;
  let close = async () => {};
  try {
    let created: { id: string };
    let read: (id: string) => Promise<RecordingView>;
    if (await answers(`${apiUrl}/api/health`)) {
      // A running system takes uploads from organisers only.
      const token = process.env.FOLKEMOTE_TOKEN;
      if (!token) {
        process.stderr.write(
          `Folkemøte is running at ${apiUrl}: set FOLKEMOTE_TOKEN to an API token (pnpm cli tokens create --org <slug> --name import).\n`,
        );
        return 2;
      }
      const query = new URLSearchParams({
        title: parsed.title,
        organisation: parsed.org,
        filename: path.basename(parsed.file),
      });
      if (parsed.event) query.set('event', parsed.event);
      if (parsed.publish) query.set('publish', 'true');
      const response = await fetch(`${apiUrl}/api/recordings?${query}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(size),
          authorization: `Bearer ${token}`,
        },
        body: createReadStream(parsed.file) as unknown as RequestInit['body'],
        duplex: 'half',
      } as RequestInit);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        process.stderr.write(`Import refused: ${body?.error?.message ?? response.statusText}\n`);
        return [400, 401, 403, 404].includes(response.status) ? 2 : 1;
      }
      created = (await response.json()) as RecordingView;
      // Until it is published, only the organisation's organisers see the recording.
      read = async (id) =>
        (await (
          await fetch(`${apiUrl}/api/recordings/${id}`, { headers: { authorization: `Bearer ${token}` } })
        ).json()) as RecordingView;
    } else {
      // Nothing runs: start the system here and hand the file over directly, as the operator of this machine.
      const system = await startSystem({ ...config, port: 0, logLevel: 'warn' });
      apiUrl = system.url;
      close = system.close;
      const organisation = await findOrganisationBySlug(system.deps.db, parsed.org);
      if (!organisation) throw new UnknownOrganisationError(parsed.org);
      created = await importRecording(system.deps, {
        file: parsed.file,
        title: parsed.title,
        organisationId: organisation.id,
        eventSlug: parsed.event,
        ...(parsed.publish ? { publication: 'public' as const } : {}),
      });
      const publicBaseUrl = system.deps.s3Settings.publicBaseUrl;
      read = async (id) => toRecordingView((await findRecording(system.deps.db, id))!, publicBaseUrl);
    }
    const final = await follow(() => read(created.id));
    if (final.state === 'failed') {
      process.stderr.write(`Processing failed: ${final.failureReason ?? 'unknown reason'}\n`);
      return 1;
    }
    process.stdout.write(
      final.replayUrl
        ? `${final.replayUrl}\n`
        : 'Processed and held for review: publish it on the recordings page.\n',
    );
    return 0;
  } catch (err) {
    if (err instanceof UnknownEventError || err instanceof UnknownOrganisationError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    await close();
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1500) });
    return response.status === 200 || response.status === 503;
  } catch {
    return false;
  }
}

/** Polls the recording until it is published or failed, showing where it is on stderr. */
async function follow(read: () => Promise<RecordingView>): Promise<RecordingView> {
  const tty = process.stderr.isTTY;
  let last = '';
  for (;;) {
    const recording = await read();
    const line = renderRecordingStatus(recording, tty ? process.stderr.columns : 0);
    if (line !== last) {
      process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
      last = line;
    }
    if (recording.state === 'published' || recording.state === 'failed') {
      if (tty) process.stderr.write('\n');
      return recording;
    }
    await new Promise((r) => setTimeout(r, tty ? 500 : 2000));
  }
}
