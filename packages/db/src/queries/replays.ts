import type { PublicEvent, TranscodeManifest } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { findEventById } from './events.ts';

export interface PublishedReplay {
  recording: { id: string; title: string; durationSeconds: number; publishedAt: string };
  event: PublicEvent | null;
  version: { id: string; kind: 'quick' | 'full'; prefix: string; manifest: TranscodeManifest };
}

interface Row {
  id: string;
  title: string;
  duration: number | null;
  publishedAt: Date | null;
  eventId: string | null;
  versionId: string;
  kind: 'quick' | 'full';
  prefix: string;
  manifest: TranscodeManifest;
}

const selectPublished = `select r.id, r.title, r.duration_seconds as duration, r.published_at as "publishedAt",
       r.event_id as "eventId", v.id as "versionId", v.kind, v.prefix, v.manifest
  from recordings r join recording_versions v on v.id = r.published_version_id
  where r.state in ('quick_published', 'published') and r.publication = 'public' and v.state = 'public'`;

function toReplay(r: Row): Omit<PublishedReplay, 'event'> & { eventId: string | null } {
  return {
    recording: {
      id: r.id,
      title: r.title,
      durationSeconds: r.duration ?? r.manifest.durationSeconds,
      publishedAt: new Date(r.publishedAt ?? Date.now()).toISOString(),
    },
    eventId: r.eventId,
    version: { id: r.versionId, kind: r.kind, prefix: r.prefix, manifest: r.manifest },
  };
}

/** Everything the public site shows: recordings with a public version, newest first. */
export async function listPublishedReplays(db: Queryable): Promise<PublishedReplay[]> {
  const { rows } = await db.query<Row>(`${selectPublished} order by r.published_at desc, r.id`);
  const events = new Map<string, PublicEvent | null>();
  const replays: PublishedReplay[] = [];
  for (const row of rows) {
    const { eventId, ...replay } = toReplay(row);
    if (eventId && !events.has(eventId)) events.set(eventId, await findEventById(db, eventId));
    replays.push({ ...replay, event: eventId ? (events.get(eventId) ?? null) : null });
  }
  return replays;
}

/** One recording's public version, as the site writer needs it; null while nothing is public. */
export async function findPublishedReplay(
  db: Queryable,
  recordingId: string,
): Promise<(Omit<PublishedReplay, 'event'> & { eventId: string | null }) | null> {
  const { rows } = await db.query<Row>(`${selectPublished} and r.id = $1`, [recordingId]);
  return rows[0] ? toReplay(rows[0]) : null;
}
