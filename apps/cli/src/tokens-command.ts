import { parseArgs } from 'node:util';
import { createApiToken, UnknownOrganisationError } from '@folkemote/accounts';
import { findOrganisationBySlug, listApiTokens, revokeApiToken } from '@folkemote/db';
import { type CliIo, processIo } from './cli-io.ts';

const usage =
  'usage:\n' +
  '  pnpm cli tokens create --org <slug> --name "<label>"   prints the token once\n' +
  '  pnpm cli tokens list --org <slug>\n' +
  '  pnpm cli tokens revoke <id>\n';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = (d: Date | null) => (d ? new Date(d).toISOString().slice(0, 16).replace('T', ' ') : '—');

/** `tokens create | list | revoke`: API tokens for automation, e.g. the county's CMS. */
export async function runTokensCommand(argv: string[], io: CliIo = processIo): Promise<number> {
  let values: { org?: string; name?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { org: { type: 'string' }, name: { type: 'string' } },
    }));
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${usage}`);
    return 2;
  }
  const [action, id] = positionals;
  if (action === 'create' && (!values.org || !values.name?.trim())) {
    io.stderr(`Give the organisation (--org) and a name for the token (--name).\n${usage}`);
    return 2;
  }
  if (action === 'list' && !values.org) {
    io.stderr(`Give the organisation (--org).\n${usage}`);
    return 2;
  }
  if (action === 'revoke' && !(id && uuid.test(id))) {
    io.stderr(`Give the id of the token to revoke (see tokens list).\n${usage}`);
    return 2;
  }
  if (!['create', 'list', 'revoke'].includes(action ?? '')) {
    io.stderr(usage);
    return 2;
  }

  const db = await io.openDb();
  try {
    if (action === 'create') {
      const created = await createApiToken(db, { organisationSlug: values.org!, name: values.name! });
      io.stderr(`Token ${created.id} created. It is shown only now; keep it secret:\n`);
      io.stdout(`${created.token}\n`);
      return 0;
    }
    if (action === 'list') {
      const organisation = await findOrganisationBySlug(db, values.org!);
      if (!organisation) throw new UnknownOrganisationError(values.org!);
      const tokens = await listApiTokens(db, organisation.id);
      if (tokens.length === 0) io.stdout(`No API tokens for ${organisation.slug}.\n`);
      for (const t of tokens)
        io.stdout(
          `${t.id}  ${t.revokedAt ? 'revoked' : 'active '}  created ${day(t.createdAt)}  last used ${day(t.lastUsedAt)}  ${t.name}\n`,
        );
      return 0;
    }
    if (!(await revokeApiToken(db, id!))) {
      io.stderr(`No active token with id ${id}.\n`);
      return 1;
    }
    io.stdout(`Token ${id} revoked.\n`);
    if (!(await io.announce({ scope: 'grant', kind: 'api_token', id: id! })))
      io.stderr('Redis did not answer: streams opened with the token close within a minute.\n');
    return 0;
  } catch (err) {
    if (err instanceof UnknownOrganisationError || err instanceof RangeError) {
      io.stderr(`${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    await db.close();
  }
}
