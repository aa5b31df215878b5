import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOutboundEmail } from '../src/index.ts';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../src/testing/index.ts';

const migration = new URL('../src/migrations/0014_redact_stored_personal_links.sql', import.meta.url);
const token = 'h1ETEKit0-T1AAsUPdZSD6yZ7-iNxxHhJe6mkrRqro8';

describe.each(await databaseKindsUnderTest())('e-mails kept before links were redacted, on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.drop());

  it('lose their tokens, in the text and in a calendar file that folded the link', async () => {
    const keep = async (dedupeKey: string, text: string, ics: string | null) =>
      insertOutboundEmail(t.db, {
        eventId: null,
        registrationId: null,
        kind: 'confirmation',
        dedupeKey,
        to: 'kari@example.no',
        subject: 'Påmeldingen er bekreftet',
        text,
        ics,
      });
    await keep(
      'before-1',
      `Lenken din:\nhttp://localhost:3000/p/${token}\n\nMeld deg av:\nhttp://localhost:3000/p/${token}#cancel\n`,
      `DESCRIPTION;LANGUAGE=nb:Din lenke: http://localhost:3000/p/${token.slice(0, 20)}\r\n ${token.slice(20)}\r\nURL:http://localhost:3000/p/${token}\r\n`,
    );
    await keep(
      'before-2',
      'Arrangementet er avlyst.',
      `DESCRIPTION:Lenke http://x/p/${token.slice(0, 9)}\r\n ${token.slice(9)}\r\n`,
    );
    await keep('before-3', 'Ingen lenke her: /p/kort', 'SUMMARY:Webinar\r\n');

    await t.db.query(await readFile(migration, 'utf8'));

    const { rows } = await t.db.query<{ dedupe_key: string; text_body: string; ics: string | null }>(
      'select dedupe_key, text_body, ics from outbound_emails order by dedupe_key',
    );
    expect(rows).toEqual([
      {
        dedupe_key: 'before-1',
        text_body:
          'Lenken din:\nhttp://localhost:3000/p/[personlig-lenke]\n\nMeld deg av:\nhttp://localhost:3000/p/[personlig-lenke]#cancel\n',
        ics: 'DESCRIPTION;LANGUAGE=nb:Din lenke: http://localhost:3000/p/[personlig-lenke]\r\nURL:http://localhost:3000/p/[personlig-lenke]\r\n',
      },
      {
        dedupe_key: 'before-2',
        text_body: 'Arrangementet er avlyst.',
        ics: 'DESCRIPTION:Lenke http://x/p/[personlig-lenke]\r\n',
      },
      { dedupe_key: 'before-3', text_body: 'Ingen lenke her: /p/kort', ics: 'SUMMARY:Webinar\r\n' },
    ]);
  });
});
