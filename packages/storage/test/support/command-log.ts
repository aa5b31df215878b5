import type { S3Client } from '@aws-sdk/client-s3';

export interface CommandEvent {
  seq: number;
  phase: 'start' | 'end';
  command: string;
  key: string | undefined;
}

const WRITES = new Set([
  'PutObjectCommand',
  'CreateMultipartUploadCommand',
  'UploadPartCommand',
  'CompleteMultipartUploadCommand',
]);

/**
 * Records when each command starts and ends (retries included in one command), so a test
 * can see what was uploaded and in which order.
 */
let recorders = 0;

export function recordCommands(client: S3Client) {
  const events: CommandEvent[] = [];
  let seq = 0;
  const name = `recordCommands${recorders++}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      const key = (args.input as { Key?: string }).Key;
      events.push({ seq: seq++, phase: 'start', command, key });
      try {
        return await next(args);
      } finally {
        events.push({ seq: seq++, phase: 'end', command, key });
      }
    },
    { step: 'initialize', name },
  );
  return {
    events,
    detach: () => client.middlewareStack.remove(name),
    writes: () => events.filter((event) => event.phase === 'start' && WRITES.has(event.command)),
    clear: () => {
      events.length = 0;
    },
  };
}
