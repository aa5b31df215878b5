import type { RegistrationDeps } from '@folkemote/registration';
import type { ApiDeps } from '../api-deps.ts';

export function registrationDepsFrom(deps: ApiDeps): RegistrationDeps {
  return { db: deps.db, queues: deps.queues, publicAppUrl: deps.config.publicAppUrl };
}
