import { parseArgs } from 'node:util';
import { listOrganisations, upsertOrganisation } from '@folkemote/db';
import { slugSchema } from '@folkemote/domain';
import { z } from 'zod';
import { type CliIo, processIo } from './cli-io.ts';

const usage =
  'usage: pnpm cli orgs create --slug <slug> --name "<name>" | list\n' +
  '  An organisation is the county or a municipality; organiser accounts and API tokens belong to one.\n';

const createSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(2, 'must be at least 2 characters').max(200, 'must be at most 200 characters'),
});

/** `orgs create|list`: the organisations that own events (creating one that exists renames it). */
export async function runOrgsCommand(argv: string[], io: CliIo = processIo): Promise<number> {
  let values: { slug?: string; name?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { slug: { type: 'string' }, name: { type: 'string' } },
    }));
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${usage}`);
    return 2;
  }
  const verb = positionals[0];
  if (verb !== 'create' && verb !== 'list') {
    io.stderr(usage);
    return 2;
  }
  const input =
    verb === 'create' ? createSchema.safeParse({ slug: values.slug ?? '', name: values.name ?? '' }) : null;
  if (input && !input.success) {
    io.stderr(`${input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}`);
    return 2;
  }
  const db = await io.openDb();
  try {
    if (input?.success) {
      const org = await upsertOrganisation(db, input.data);
      io.stdout(`Organisation ${org.slug} (${org.name}) is ready (id ${org.id}).\n`);
      return 0;
    }
    for (const org of await listOrganisations(db)) io.stdout(`${org.slug}\t${org.name}\t${org.id}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
