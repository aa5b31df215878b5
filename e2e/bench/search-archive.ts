import type { ReplayInput } from '@folkemote/site';

/**
 * A synthetic archive of Norwegian-like webinars for the search bench: speech at about 150 words a
 * minute in caption lines of 3–5 s, words drawn with a Zipf-like law from common words and
 * compounds of council vocabulary (so the vocabulary grows like real speech), titles,
 * descriptions and a chapter every few minutes. Deterministic: the same seed makes the same archive.
 */

const functionWords =
  'og i det som er på å til en for ikke med at har de vi av den så var men om jeg kan skal vil fra også et eller når da dette nå her der hva hvordan etter før over under mellom uten mot alle mange noen hver litt mer mest veldig bare likevel derfor fordi hvis ja nei du dere oss meg seg sitt sine vår våre deres være blitt blir ble få får fikk gå går gikk komme kommer kom se ser så sagt sier si ta tar tok gjøre gjør gjorde'.split(
    ' ',
  );
const stems =
  'kommune fylke skole barnehage veg vei bru ferje buss tog båt havn sykehus helse tannhelse omsorg eldre barn ungdom familie bolig tomt areal plan budsjett økonomi skatt avgift gebyr vann avløp renovasjon klima miljø natur strand fjell skog landbruk fiske næring turisme kultur idrett bibliotek museum kirke kino festival frivillighet innbygger politiker ordfører rådmann direktør styre utvalg råd møte høring vedtak sak forslag endring tiltak prosjekt anbud kontrakt investering drift vedlikehold beredskap brann politi trafikk sikkerhet parkering sykkel gang fortau tunnel rassikring flom skred energi strøm kraft vind sol bredbånd digitalisering tjeneste søknad tilskudd støtte stipend lærling arbeid jobb sysselsetting integrering bosetting samisk språk nynorsk bokmål tolk'.split(
    ' ',
  );
const suffixes = [
  '',
  '',
  '',
  'en',
  'et',
  'ene',
  'er',
  'ane',
  'plan',
  'tilbud',
  'sektor',
  'ordning',
  'kontor',
  'utvalg',
  'arbeid',
];
const places =
  'Ålesund Bodø Tromsø Nærøysund Gjøvik Lillehammer Førde Molde Kristiansund Hammerfest Alta Vadsø Kirkenes Narvik Harstad Mo Mosjøen Steinkjer Levanger Røros Hamar Elverum Kongsvinger Drammen Kongsberg Skien Porsgrunn Arendal Kristiansand Mandal Egersund Stavanger Sandnes Haugesund Stord Voss Sogndal Florø Måløy Ørsta Volda'.split(
    ' ',
  );

/** A small, fast, seeded generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function vocabulary(next: () => number): string[] {
  const words = new Set<string>();
  for (const stem of stems) for (const suffix of suffixes) words.add(stem + suffix);
  // Compounds, as Norwegian makes them: two stems, sometimes with a linking s or e.
  while (words.size < 25_000) {
    const a = stems[Math.floor(next() * stems.length)]!;
    const b = stems[Math.floor(next() * stems.length)]!;
    const link = next() < 0.3 ? 's' : '';
    words.add(a + link + b + suffixes[Math.floor(next() * suffixes.length)]!);
  }
  return [...words];
}

/** Draws indexes 0..n-1 with probability ∝ 1/(rank+1), by binary search in the cumulative weights. */
function zipf(n: number, next: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1);
    cumulative[i] = total;
  }
  return () => {
    const target = next() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

export interface SyntheticArchive {
  items: ReplayInput[];
  hours: number;
  words: number;
  cues: number;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Replays of 30–120 minutes until `hours` of speech are made. */
export function makeSyntheticArchive(hours: number, seed = 14): SyntheticArchive {
  const next = random(seed);
  const content = vocabulary(next);
  const contentWord = zipf(content.length, next);
  const functionWord = zipf(functionWords.length, next);
  const word = () => {
    const roll = next();
    if (roll < 0.5) return functionWords[functionWord()]!;
    if (roll < 0.53) return places[Math.floor(next() * places.length)]!;
    return content[contentWord()]!;
  };
  const sentence = (count: number) => capitalise(Array.from({ length: count }, word).join(' '));
  const items: ReplayInput[] = [];
  let seconds = 0;
  let words = 0;
  let cues = 0;
  for (let r = 0; seconds < hours * 3600; r++) {
    const duration = Math.min(30 * 60 + Math.floor(next() * 90 * 60), hours * 3600 - seconds);
    const lines: Array<{ startSeconds: number; endSeconds: number; text: string }> = [];
    for (let at = 0; at < duration - 3; ) {
      const length = 3 + next() * 2;
      const count = Math.max(1, Math.round((length * 150) / 60));
      lines.push({
        startSeconds: at,
        endSeconds: Math.min(duration, at + length),
        text: `${sentence(count)}.`,
      });
      words += count;
      at += length;
    }
    const chapters = Array.from({ length: Math.floor(duration / 300) }, (_, i) => ({
      startSeconds: i * 300 + 10,
      endSeconds: (i + 1) * 300,
      title: `${sentence(8)}?`,
    }));
    const id = `bench-${String(r).padStart(4, '0')}`;
    const startsAt = new Date(Date.UTC(2025, 0, 1) + r * 86_400_000).toISOString();
    items.push({
      baseUrl: 'http://127.0.0.1',
      locale: 'nb',
      recording: {
        id,
        title: `${sentence(5)} i ${places[r % places.length]}`,
        durationSeconds: duration,
        publishedAt: startsAt,
      },
      event: {
        id: `event-${r}`,
        slug: `event-${r}`,
        title: sentence(5),
        description: `${sentence(30)}.\n\n${sentence(30)}.`,
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + duration * 1000).toISOString(),
        language: 'nb',
        organisation: { slug: `org-${r % 20}`, name: `${places[r % places.length]} kommune` },
        contact: { name: 'Kontakt', email: 'kontakt@example.no', phone: null },
      },
      version: {
        id: 'v1',
        master: 'master.m3u8',
        poster: null,
        download: null,
        sprite: null,
        hasVideo: true,
      },
      captions: [],
      chapters: { path: `replays/${id}/chapters.vtt`, items: chapters },
      transcript: { language: 'nb', cues: lines },
    });
    seconds += duration;
    cues += lines.length;
  }
  return { items, hours: seconds / 3600, words, cues };
}
