import type { JobModule } from '../job-handler.ts';
import { rebuildSite } from '../site-writer.ts';
import { createStageTimer } from '../stage-timer.ts';

/** The archive page and the feeds, from what the database says is public. */
export const siteRebuild: JobModule<'site.rebuild'> = {
  name: 'site.rebuild',
  async handle(deps) {
    await createStageTimer(deps.log, null, 'site.rebuild').time('site rebuild', () => rebuildSite(deps));
  },
};
