import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../src/testing.ts';
import { createTestEvent } from './support/registration-fixtures.ts';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ REGISTRATION_RATE_LIMIT: '1000' });
});
afterAll(async () => {
  await system?.stop();
});

const publicEvent = async (slug: string) => {
  const response = await fetch(`${system.url}/api/events/${slug}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
};

describe('the public event as its pages show it', () => {
  it('carries the description rendered by the shared renderer, as safe HTML and as plain text', async () => {
    const event = await createTestEvent(system.deps.db);
    await system.deps.db.query('update events set description = $2 where id = $1', [
      event.id,
      'Vi legger fram **samfunnsdelen**.\n\n- Bakgrunn\n- Hovedgrep\n\n<script>alert(1)</script>',
    ]);
    const view = await publicEvent(event.slug);
    expect(view.descriptionHtml).toContain('<strong>samfunnsdelen</strong>');
    expect(view.descriptionHtml).toContain('<li>Bakgrunn</li>');
    expect(view.descriptionHtml).not.toContain('<script>');
    expect(view.descriptionText).toBe(
      'Vi legger fram samfunnsdelen.\n\n• Bakgrunn\n• Hovedgrep\n\n<script>alert(1)</script>',
    );
    const list = (await (await fetch(`${system.url}/api/events`)).json()) as {
      events: Array<Record<string, unknown>>;
    };
    expect(list.events.find((e) => e.slug === event.slug)?.descriptionText).toBe(view.descriptionText);
  });

  it('says whether the event has taken place', async () => {
    const coming = await createTestEvent(system.deps.db);
    const past = await createTestEvent(system.deps.db, {}, { startsInHours: -5 });
    expect(await publicEvent(coming.slug)).toMatchObject({ hasEnded: false, replayUrl: null });
    expect(await publicEvent(past.slug)).toMatchObject({ hasEnded: true, registrationState: 'closed' });
  });
});
