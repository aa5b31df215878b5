import type { BroadcastManifest, PublicEvent } from '@folkemote/domain';
import type { LiveInput } from '../live-input.ts';
import type { ArchiveInput, ReplayInput } from '../types.ts';

/** Realistic inputs for the site's unit tests. */
export function sampleEvent(overrides: Partial<PublicEvent> = {}): PublicEvent {
  return {
    id: 'c7f1b2a4-5d1e-4c3b-9f0e-2a6d8b1c4e11',
    slug: 'budsjett-2026',
    title: 'Folkemøte om budsjettet for 2026',
    description:
      'Fylkesdirektøren legger fram forslaget til budsjett og økonomiplan.\n\nEtter innledningen svarer politikerne på spørsmål fra innbyggerne.\nSpørsmål kan sendes inn på forhånd.',
    startsAt: '2025-03-11T17:00:00.000Z',
    endsAt: '2025-03-11T18:30:00.000Z',
    language: 'nb',
    organisation: { slug: 'vestland-fylkeskommune', name: 'Vestland fylkeskommune' },
    contact: { name: 'Kari Nordmann', email: 'kari.nordmann@example.no', phone: '+47 55 63 90 00' },
    ...overrides,
  };
}

export function sampleReplayInput(overrides: Partial<ReplayInput> = {}): ReplayInput {
  return {
    baseUrl: 'https://opptak.example.no',
    locale: 'nb',
    recording: {
      id: '0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b',
      title: 'Budsjettmøte 2026',
      durationSeconds: 5429,
      publishedAt: '2025-03-12T08:15:00.000Z',
    },
    event: sampleEvent(),
    version: {
      id: '20250312T081500Z-full',
      master: 'master.m3u8',
      poster: 'poster.jpg',
      posterSize: { width: 1280, height: 720 },
      download: { file: 'download.mp4', contentType: 'video/mp4', bytes: 312_456_789 },
      sprite: { vtt: 'sprite.vtt' },
      hasVideo: true,
      width: 1920,
      height: 1080,
    },
    captions: [
      {
        srclang: 'nb',
        label: 'Norsk (bokmål)',
        path: 'replays/0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b/captions/nb.3f9a1c2b7d4e.vtt',
      },
    ],
    ...overrides,
  };
}

export function sampleArchiveInput(items: ReplayInput[] = [sampleReplayInput()]): ArchiveInput {
  return { baseUrl: 'https://opptak.example.no', locale: 'nb', items };
}

/** Every URL a page asks the browser to fetch or follow, from the attributes that hold them. */
export function linkedUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href|poster|data-src|data-hls-src|data-sprite-vtt)="([^"]*)"/g)].map(
    (match) => (match[1] ?? '').replace(/&amp;/g, '&'),
  );
}

/** A broadcast's live page input in a state; times are those of `sampleEvent`. */
export function sampleLiveInput(
  state: BroadcastManifest['state'] = 'scheduled',
  overrides: Partial<LiveInput> = {},
): LiveInput {
  const event = sampleEvent();
  return {
    baseUrl: 'https://opptak.example.no',
    broadcastId: '5a1f0c3e-8b2d-4e7a-9c6f-1d2e3f4a5b6c',
    event: { ...event, mode: 'hybrid', address: 'Fylkeshuset, Agnes Mowinckels gate 5, Bergen' },
    eventPageUrl: 'https://folkemote.example.no/arrangement/budsjett-2026',
    manifest: {
      state,
      title: event.title,
      language: event.language,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      liveSince: state === 'scheduled' ? null : '2025-03-11T17:01:00.000Z',
      endedAt: state === 'ended' || state === 'held' ? '2025-03-11T18:20:00.000Z' : null,
      live: state === 'live' ? 'live/live.m3u8' : null,
      replay: state === 'ended' ? 'live/index.m3u8' : null,
      updatedAt: '2025-03-11T18:20:01.000Z',
    },
    ...overrides,
  };
}
