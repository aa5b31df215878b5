import { generatePassword, hashPassword } from '@folkemote/accounts';
import {
  findOrganiserAccountByEmail,
  insertOrganiserAccount,
  updateOrganiserAccountPassword,
  upsertOrganisation,
} from '@folkemote/db';
import type { ApiDeps } from '../api-deps.ts';
import { demoOrganisations } from './demo-events.ts';

export interface DemoOrganiser {
  organisation: string;
  email: string;
  password: string;
}

/**
 * One organiser account per demo organisation, with a fresh password on every
 * start: only the hash is stored, so the password can be shown once, on the
 * console of the person who started the demo, and never lands in a log.
 */
export async function seedDemoOrganisers(deps: Pick<ApiDeps, 'db'>): Promise<DemoOrganiser[]> {
  const organisers: DemoOrganiser[] = [];
  for (const org of demoOrganisations) {
    const organisation = await upsertOrganisation(deps.db, org);
    const email = `arrangor@${org.slug}.example.no`;
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    const existing = await findOrganiserAccountByEmail(deps.db, email);
    if (existing) await updateOrganiserAccountPassword(deps.db, existing.id, passwordHash);
    else
      await insertOrganiserAccount(deps.db, {
        organisationId: organisation.id,
        email,
        displayName: `Arrangør, ${org.name}`,
        passwordHash,
      });
    organisers.push({ organisation: org.name, email, password });
  }
  return organisers;
}
