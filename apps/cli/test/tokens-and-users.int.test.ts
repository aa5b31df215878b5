import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@folkemote/config';
import {
  findOrganiserAccountByEmail,
  isOrganiserAdmin,
  openDatabase,
  upsertOrganisation,
} from '@folkemote/db';
import { accessWithdrawalChannel, createRedisConnection, readAccessWithdrawal } from '@folkemote/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceWithdrawal } from '../src/announce-withdrawal.ts';
import type { CliIo } from '../src/cli-io.ts';
import { runOrgsCommand } from '../src/orgs-command.ts';
import { runTokensCommand } from '../src/tokens-command.ts';
import { runUsersCommand } from '../src/users-command.ts';

const redisUrl = loadConfig().redis.url;
const prefix = `test-${randomBytes(4).toString('hex')}`;
let dir: string;
let out: string[];
let err: string[];
const io = (stdin = ''): CliIo => ({
  openDb: () => openDatabase({ kind: 'pglite', dataDir: dir }),
  announce: (withdrawal) => announceWithdrawal(redisUrl, prefix, withdrawal),
  stdout: (text) => void out.push(text),
  stderr: (text) => void err.push(text),
  readStdin: async () => stdin,
});
const run = async (command: typeof runTokensCommand, argv: string[], stdin?: string) => {
  out = [];
  err = [];
  const code = await command(argv, io(stdin));
  return { code, out: out.join(''), err: err.join('') };
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'folkemote-cli-'));
  const db = await openDatabase({ kind: 'pglite', dataDir: dir });
  await upsertOrganisation(db, { slug: 'somna-kommune', name: 'Sømna kommune' });
  await db.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pnpm cli orgs', () => {
  it('creates an organisation, renames it when run again, and lists it', async () => {
    const created = await run(runOrgsCommand, [
      'create',
      '--slug',
      'nordland-fylkeskommune',
      '--name',
      'Nordland fylke',
    ]);
    expect(created.code).toBe(0);
    expect(created.out).toContain('Organisation nordland-fylkeskommune (Nordland fylke) is ready');
    await run(runOrgsCommand, [
      'create',
      '--slug',
      'nordland-fylkeskommune',
      '--name',
      'Nordland fylkeskommune',
    ]);
    const listed = await run(runOrgsCommand, ['list']);
    expect(listed.out).toMatch(/^nordland-fylkeskommune\tNordland fylkeskommune\t[0-9a-f-]{36}$/m);
    expect(listed.out).toMatch(/^somna-kommune\tSømna kommune\t/m);
  });

  it('says what is wrong with a bad slug or name, creating nothing', async () => {
    const bad = await run(runOrgsCommand, ['create', '--slug', 'Ikke Gyldig', '--name', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--slug:');
    expect(bad.err).toContain('--name: must be at least 2 characters');
    expect((await run(runOrgsCommand, ['list'])).out).not.toContain('Ikke');
  });
});

describe('pnpm cli tokens', () => {
  it('creates a token, printed once, lists it without the secret, and revokes it', async () => {
    const created = await run(runTokensCommand, ['create', '--org', 'somna-kommune', '--name', 'Nettsidene']);
    expect(created.code).toBe(0);
    const token = created.out.trim();
    expect(token).toMatch(/^fmt_[\w-]{43}$/);
    const id = /Token ([0-9a-f-]{36}) created/.exec(created.err)![1]!;

    const listed = await run(runTokensCommand, ['list', '--org', 'somna-kommune']);
    expect(listed.out).toContain(id);
    expect(listed.out).toContain('active');
    expect(listed.out).toContain('Nettsidene');
    expect(listed.out).not.toContain(token);

    // Revoking tells every API instance at once, so they close the streams opened with the token.
    const subscriber = createRedisConnection(redisUrl);
    const heard: unknown[] = [];
    subscriber.on('message', (_channel, message) => heard.push(readAccessWithdrawal(message)));
    await subscriber.subscribe(accessWithdrawalChannel(prefix));
    try {
      const revoked = await run(runTokensCommand, ['revoke', id]);
      expect(revoked.code).toBe(0);
      expect(revoked.err).toBe('');
      await expect.poll(() => heard).toEqual([{ scope: 'grant', kind: 'api_token', id }]);
    } finally {
      subscriber.disconnect();
    }
    expect((await run(runTokensCommand, ['list', '--org', 'somna-kommune'])).out).toMatch(/revoked/);
    const again = await run(runTokensCommand, ['revoke', id]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('No active token');
  });

  it('says when Redis did not hear of a revocation, which still holds', async () => {
    const created = await run(runTokensCommand, ['create', '--org', 'somna-kommune', '--name', 'CMS']);
    const id = /Token ([0-9a-f-]{36}) created/.exec(created.err)![1]!;
    out = [];
    err = [];
    const unreachable: CliIo = {
      ...io(),
      announce: (w) => announceWithdrawal('redis://127.0.0.1:1', prefix, w),
    };
    expect(await runTokensCommand(['revoke', id], unreachable)).toBe(0);
    expect(err.join('')).toContain('streams opened with the token close within a minute');
    expect((await run(runTokensCommand, ['list', '--org', 'somna-kommune'])).out).toMatch(
      new RegExp(`${id}\\s+revoked`),
    );
  });

  it('explains what is missing', async () => {
    const noName = await run(runTokensCommand, ['create', '--org', 'somna-kommune']);
    expect(noName.code).toBe(2);
    expect(noName.err).toContain('--name');
    const unknown = await run(runTokensCommand, ['create', '--org', 'ukjent', '--name', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No organisation with slug "ukjent"');
  });
});

describe('pnpm cli users create', () => {
  it('generates a password, prints it once and stores only its hash', async () => {
    const result = await run(runUsersCommand, [
      'create',
      '--org',
      'somna-kommune',
      '--email',
      'kari@somna.example.no',
      '--name',
      'Kari Nordmann',
    ]);
    expect(result.code).toBe(0);
    const password = /Password \(shown only now\): (\S+)/.exec(result.out)![1]!;
    expect(password).toHaveLength(20);
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    const account = await findOrganiserAccountByEmail(db, 'kari@somna.example.no');
    await db.close();
    expect(account?.organisationSlug).toBe('somna-kommune');
    expect(account?.passwordHash).toMatch(/^scrypt\$/);
    expect(account?.passwordHash).not.toContain(password);
  });

  it('takes a password from stdin without printing it, and refuses a second account with the address', async () => {
    const args = [
      'create',
      '--org',
      'somna-kommune',
      '--email',
      'ola@somna.example.no',
      '--name',
      'Ola',
      '--password-stdin',
    ];
    const result = await run(runUsersCommand, args, 'et-langt-passord-fra-stdin\n');
    expect(result.code).toBe(0);
    expect(result.out).not.toContain('et-langt-passord');
    const twice = await run(runUsersCommand, args, 'et-langt-passord-fra-stdin\n');
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('exists already');
  });

  it('names bad input', async () => {
    const result = await run(runUsersCommand, ['create', '--org', 'somna-kommune', '--email', 'ikke-epost']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('email: must be an e-mail address');
    expect(result.err).toContain('displayName: give a name (--name)');
  });
});

describe('pnpm cli users admin', () => {
  const isAdmin = async (email: string) => {
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const account = await findOrganiserAccountByEmail(db, email);
      return isOrganiserAdmin(db, account!.id);
    } finally {
      await db.close();
    }
  };

  it('makes an organiser an administrator of the installation, and takes it back', async () => {
    const created = await run(runUsersCommand, [
      'create',
      '--org',
      'somna-kommune',
      '--email',
      'admin@somna.example.no',
      '--name',
      'Drift',
    ]);
    expect(created.code).toBe(0);
    expect(await isAdmin('admin@somna.example.no')).toBe(false);
    const granted = await run(runUsersCommand, ['admin', '--email', 'Admin@Somna.example.no']);
    expect(granted).toMatchObject({ code: 0, err: '' });
    expect(granted.out).toContain('/admin/jobs');
    expect(await isAdmin('admin@somna.example.no')).toBe(true);
    const revoked = await run(runUsersCommand, ['admin', '--email', 'admin@somna.example.no', '--revoke']);
    expect(revoked.code).toBe(0);
    expect(await isAdmin('admin@somna.example.no')).toBe(false);
  });

  it('says when there is no such account, or no address', async () => {
    const unknown = await run(runUsersCommand, ['admin', '--email', 'ingen@somna.example.no']);
    expect(unknown).toMatchObject({ code: 1, err: 'No organiser account has that e-mail address\n' });
    const missing = await run(runUsersCommand, ['admin']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--email');
  });
});
