import { medianAndMax } from './broadcast-viewer.ts';

/** The segments of a media playlist with their wall-clock spans (from EXT-X-PROGRAM-DATE-TIME). */
export function segmentSpans(playlist: string): Array<{ uri: string; startMs: number; endMs: number }> {
  const spans: Array<{ uri: string; startMs: number; endMs: number }> = [];
  let clock: number | null = null;
  let seconds: number | null = null;
  for (const raw of playlist.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) clock = Date.parse(line.slice(25));
    else if (line.startsWith('#EXTINF:')) seconds = Number.parseFloat(line.slice(8));
    else if (line !== '' && !line.startsWith('#') && seconds !== null) {
      if (clock !== null) {
        spans.push({ uri: line, startMs: clock, endMs: clock + seconds * 1000 });
        clock += seconds * 1000;
      }
      seconds = null;
    }
  }
  return spans;
}

/**
 * Watches a live media playlist for `forMs`, polling every `everyMs` (the test's own requests, not
 * the viewer's), and for each segment that appears, how long after the end of its pictures (its
 * PDT plus its duration) it was first listed: the recorder's encoding and upload pace, the part of
 * the latency that happens before any player.
 */
export async function watchPlaylistEdge(url: string, forMs: number, everyMs = 200) {
  const seen = new Set<string>();
  const delays: number[] = [];
  let first = true;
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    // A look that fails (the embedded S3 server closing a kept-alive connection) is skipped.
    const text = await fetch(`${url}?edge=${Date.now()}`, { cache: 'no-store' })
      .then((response) => (response.ok ? response.text() : null))
      .catch(() => null);
    if (text !== null) {
      const listedAt = Date.now();
      for (const span of segmentSpans(text)) {
        if (seen.has(span.uri)) continue;
        seen.add(span.uri);
        // Segments listed before the watch began tell nothing of when they appeared.
        if (!first) delays.push(listedAt - span.endMs);
      }
      first = false;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return { segments: delays.length, listedAfterEndMs: medianAndMax(delays) };
}
