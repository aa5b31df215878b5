import { parseArgs } from 'node:util';
import { createOrganiserAccount, UnknownOrganisationError } from '@folkemote/accounts';
import { DuplicateAccountError, setOrganiserAdmin } from '@folkemote/db';
import { z } from 'zod';
import { type CliIo, processIo } from './cli-io.ts';

const usage =
  'usage: pnpm cli users create --org <slug> --email <e-mail> --name "<name>" [--password-stdin]\n' +
  '  Without --password-stdin a password is generated and printed once.\n' +
  '       pnpm cli users admin --email <e-mail> [--revoke]\n' +
  '  Makes the account an administrator of the installation (the job view at /admin/jobs), or no longer one.\n';

/** `users create`: adds a local organiser account to an organisation. */
export async function runUsersCommand(argv: string[], io: CliIo = processIo): Promise<number> {
  let values: { org?: string; email?: string; name?: string; 'password-stdin'?: boolean; revoke?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        org: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        revoke: { type: 'boolean' },
      },
    }));
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${usage}`);
    return 2;
  }
  if (positionals[0] === 'admin') return setAdmin(values.email, values.revoke !== true, io);
  if (positionals[0] !== 'create') {
    io.stderr(usage);
    return 2;
  }
  const password = values['password-stdin'] ? (await io.readStdin()).replace(/\r?\n$/, '') : undefined;
  const db = await io.openDb();
  try {
    const created = await createOrganiserAccount(db, {
      organisationSlug: values.org ?? '',
      email: values.email ?? '',
      displayName: values.name ?? '',
      password,
    });
    io.stdout(`Organiser account ${created.email} created (id ${created.accountId}).\n`);
    if (!password) io.stdout(`Password (shown only now): ${created.password}\n`);
    return 0;
  } catch (err) {
    if (err instanceof z.ZodError) {
      io.stderr(`${err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}`);
      return 2;
    }
    if (err instanceof UnknownOrganisationError || err instanceof DuplicateAccountError) {
      io.stderr(`${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    await db.close();
  }
}

/** `users admin`: the account administers the installation, or stops doing so (`--revoke`). */
async function setAdmin(email: string | undefined, admin: boolean, io: CliIo): Promise<number> {
  const parsed = z.email().safeParse(email?.trim());
  if (!parsed.success) {
    io.stderr(`--email: give the organiser account's e-mail address\n${usage}`);
    return 2;
  }
  const db = await io.openDb();
  try {
    const account = await setOrganiserAdmin(db, parsed.data, admin);
    if (!account) {
      io.stderr('No organiser account has that e-mail address\n');
      return 1;
    }
    io.stdout(
      admin
        ? `${account.email} is now an administrator: the job view is at /admin/jobs.\n`
        : `${account.email} is no longer an administrator.\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
