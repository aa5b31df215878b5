import type { PublicEvent, TranscodeManifest } from '@folkemote/domain';
import type { Queryable } from '../database.ts';
import { findEventById } from './events.ts';

export interface PublishedReplay {
  recording: { id: string; title: string; durationSeconds: number; publishedAt: string };
  event: PublicEvent | null;
  version: { id: string; kind: 'quick' | 'full'; prefix: string; manifest: TranscodeManifest };
}

/** Everything the public site shows: recordings with a public version, newest first. */
export async function listPublishedReplays(db: Queryable): Promise<PublishedReplay[]> {
  const { rows } = await db.query<{
    id: string;
    title: string;
    duration: number | null;
    publishedAt: Date;
    eventId: string | null;
    versionId: string;
    kind: 'quick' | 'full';
    prefix: string;
    manifest: TranscodeManifest;
  }>(
    `select r.id, r.title, r.duration_seconds as duration, r.published_at as "publishedAt", r.event_id as "eventId",
            v.id as "versionId", v.kind, v.prefix, v.manifest
     from recordings r join recording_versions v on v.id = r.published_version_id
     where r.state in ('quick_published', 'published') and v.state = 'public'
     order by r.published_at desc, r.id`,
  );
  const events = new Map<string, PublicEvent | null>();
  const replays: PublishedReplay[] = [];
  for (const r of rows) {
    if (r.eventId && !events.has(r.eventId)) events.set(r.eventId, await findEventById(db, r.eventId));
    replays.push({
      recording: {
        id: r.id,
        title: r.title,
        durationSeconds: r.duration ?? r.manifest.durationSeconds,
        publishedAt: new Date(r.publishedAt).toISOString(),
      },
      event: r.eventId ? (events.get(r.eventId) ?? null) : null,
      version: { id: r.versionId, kind: r.kind, prefix: r.prefix, manifest: r.manifest },
    });
  }
  return replays;
}
