/**
 * The public site's search on a synthetic archive of 100 hours of speech (search-archive.ts).
 * In one run:
 *   - writes search-index.json as the site job does, and prints its size per hour of speech,
 *     raw and gzipped (what a server or CDN compressing JSON sends);
 *   - loads the search page in Debian's Chromium with that index and times, in the page, the
 *     index's load (fetch, parse, open) and each query through search-core.js (the code the page
 *     runs) over many runs: several words, prefixes, single words; median and p95;
 *   - for the same queries, a baseline: a naive scan of every line's folded text for each word as
 *     a substring (the text folded once beforehand, not timed), and the ratio of the two;
 *   - the whole page path once per query: typing into the field to the status line's answer.
 * Usage: pnpm bench:search [--hours 100] [--runs 30]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { renderSearchIndex, renderSearchPage, siteAssets } from '@folkemote/site';
import { launchBrowser } from '../src/browser.ts';
import { serveDirectory } from '../src/static-server.ts';
import { makeSyntheticArchive } from './search-archive.ts';

const { values } = parseArgs({
  options: { hours: { type: 'string', default: '100' }, runs: { type: 'string', default: '30' } },
});
const hours = Number(values.hours);
const runs = Number(values.runs);
if (!(hours > 0 && hours <= 1000)) throw new Error('--hours must be between 0 and 1000');
if (!(runs >= 3 && runs <= 1000)) throw new Error('--runs must be between 3 and 1000');

const queries: Array<{ kind: string; query: string }> = [
  { kind: 'several words', query: 'budsjett skole' },
  { kind: 'several words', query: 'kommunen har vedtak om ferjetilbud' },
  { kind: 'several words', query: 'Nærøysund tannhelse' },
  { kind: 'prefix', query: 'kommun' },
  { kind: 'prefix', query: 'skolebr' },
  { kind: 'prefix', query: 'aalesu' },
  { kind: 'prefix', query: 'bred' },
  { kind: 'single word', query: 'rassikring' },
  { kind: 'single word', query: 'Bodø' },
];

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(2)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function quantile(sorted: number[], q: number): number {
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[at] ?? Number.NaN;
}

const made = Date.now();
const archive = makeSyntheticArchive(hours);
console.log(
  `archive: ${archive.items.length} replays, ${archive.hours.toFixed(1)} h, ${archive.words.toLocaleString('en')} words, ${archive.cues.toLocaleString('en')} caption lines (${((Date.now() - made) / 1000).toFixed(1)} s to make)`,
);
const writeStart = performance.now();
const json = renderSearchIndex(archive.items);
const writeMs = performance.now() - writeStart;
const raw = Buffer.byteLength(json);
const gzipped = gzipSync(json, { level: 6 }).byteLength;
console.log(`index written in ${(writeMs / 1000).toFixed(2)} s`);
console.log(`index size: ${mib(raw)} raw, ${mib(gzipped)} gzipped (level 6)`);
console.log(`per hour of speech: ${kib(raw / archive.hours)} raw, ${kib(gzipped / archive.hours)} gzipped`);

const root = await mkdtemp(join(tmpdir(), 'folkemote-search-bench-'));
const server = await serveDirectory(root);
const put = async (key: string, body: string | Buffer) => {
  await mkdir(dirname(join(root, key)), { recursive: true });
  await writeFile(join(root, key), body);
};
await put('search.html', renderSearchPage({ baseUrl: server.url, locale: 'nb' }));
await put('search-index.json', json);
for (const asset of await siteAssets()) await put(`assets/${asset.name}`, asset.body);
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  // tsx keeps function names with a helper the evaluated functions below refer to.
  await page.addInitScript('window.__name = (f) => f;');
  await page.goto(`${server.url}/search.html`);
  await page.waitForSelector('[data-search-ready]', { state: 'attached' });

  const measured = await page.evaluate(
    async ({ queries, runs, indexUrl, coreUrl }) => {
      const core = await import(coreUrl);
      const t0 = performance.now();
      const response = await fetch(indexUrl);
      const text = await response.text();
      const t1 = performance.now();
      const parsed = JSON.parse(text);
      const t2 = performance.now();
      const opened = core.openSearchIndex(parsed);
      const t3 = performance.now();
      // The baseline's preparation (not timed per query): every segment's text folded once.
      const segments: Array<{ replay: number; seconds: number; text: string }> = [];
      parsed.replays.forEach(
        (replay: { title: string; segs: Array<[string, number, string]> }, r: number) => {
          for (const [kind, seconds, segText] of replay.segs)
            segments.push({ replay: r, seconds, text: core.foldText(kind === 't' ? replay.title : segText) });
        },
      );
      function naive(query: string) {
        const terms: string[] = core.queryTerms(query);
        const perReplay = new Map<number, { terms: Set<string>; moments: number[] }>();
        segments.forEach((segment, i) => {
          for (const term of terms) {
            if (!segment.text.includes(term)) continue;
            let entry = perReplay.get(segment.replay);
            if (!entry) {
              entry = { terms: new Set(), moments: [] };
              perReplay.set(segment.replay, entry);
            }
            entry.terms.add(term);
            if (entry.moments[entry.moments.length - 1] !== i) entry.moments.push(i);
          }
        });
        return [...perReplay.values()].filter((entry) => entry.terms.size === terms.length).length;
      }
      const rows = [];
      for (const { kind, query } of queries) {
        const indexed: number[] = [];
        const baseline: number[] = [];
        let indexedCount = 0;
        let baselineCount = 0;
        for (let run = 0; run < runs; run++) {
          const a = performance.now();
          indexedCount = core.searchIndex(opened, query).total;
          const b = performance.now();
          baselineCount = naive(query);
          const c = performance.now();
          indexed.push(b - a);
          baseline.push(c - b);
          // A fresh decode each run, as a first query would meet it.
          opened.decoded.clear();
        }
        rows.push({ kind, query, indexed, baseline, indexedCount, baselineCount });
      }
      return { fetchMs: t1 - t0, parseMs: t2 - t1, openMs: t3 - t2, segments: segments.length, rows };
    },
    {
      queries,
      runs,
      indexUrl: `${server.url}/search-index.json`,
      coreUrl: `${server.url}/assets/search-core.js`,
    },
  );
  console.log(
    `in Chromium: fetch ${measured.fetchMs.toFixed(0)} ms, JSON.parse ${measured.parseMs.toFixed(0)} ms, open ${measured.openMs.toFixed(0)} ms; ${measured.segments.toLocaleString('en')} segments`,
  );
  console.log(`queries, ${runs} runs each (ms; indexed = search-core.js, baseline = naive substring scan):`);
  console.log(
    'kind           query                                   hits  median    p95  | base hits  median     p95 | ratio (median)',
  );
  const allIndexed: number[] = [];
  const allBaseline: number[] = [];
  for (const row of measured.rows) {
    const indexed = [...row.indexed].sort((a, b) => a - b);
    const baseline = [...row.baseline].sort((a, b) => a - b);
    allIndexed.push(...indexed);
    allBaseline.push(...baseline);
    const im = quantile(indexed, 0.5);
    const bm = quantile(baseline, 0.5);
    console.log(
      `${row.kind.padEnd(14)} ${JSON.stringify(row.query).padEnd(40)} ${String(row.indexedCount).padStart(4)} ${im.toFixed(2).padStart(7)} ${quantile(indexed, 0.95).toFixed(2).padStart(6)}  | ${String(row.baselineCount).padStart(9)} ${bm.toFixed(2).padStart(7)} ${quantile(baseline, 0.95).toFixed(2).padStart(7)} | ${(bm / Math.max(im, 0.001)).toFixed(1)}×`,
    );
  }
  allIndexed.sort((a, b) => a - b);
  allBaseline.sort((a, b) => a - b);
  const medianRatio = quantile(allBaseline, 0.5) / Math.max(quantile(allIndexed, 0.5), 0.001);
  const p95Ratio = quantile(allBaseline, 0.95) / Math.max(quantile(allIndexed, 0.95), 0.001);
  console.log(
    `all queries: indexed median ${quantile(allIndexed, 0.5).toFixed(2)} ms, p95 ${quantile(allIndexed, 0.95).toFixed(2)} ms; baseline median ${quantile(allBaseline, 0.5).toFixed(2)} ms, p95 ${quantile(allBaseline, 0.95).toFixed(2)} ms`,
  );
  console.log(
    `ratio baseline/indexed: ${medianRatio.toFixed(1)}× at the median, ${p95Ratio.toFixed(1)}× at p95`,
  );

  // The page itself: from typing a query to the status line's answer (results drawn).
  const field = page.getByRole('searchbox');
  await field.fill('budsjett');
  await field.press('Enter');
  await page.waitForFunction(() =>
    /budsjett/.test(document.querySelector('[data-search-status]')?.textContent ?? ''),
  );
  const pageTimes: number[] = [];
  for (const { query } of queries) {
    const ms = await page.evaluate(
      (q) =>
        new Promise<number>((resolve) => {
          const status = document.querySelector('[data-search-status]')!;
          const input = document.querySelector('input[type="search"]') as HTMLInputElement;
          const form = input.form!;
          status.textContent = '';
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (!status.textContent) return;
            observer.disconnect();
            resolve(performance.now() - start);
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          input.value = q;
          form.requestSubmit();
        }),
      query,
    );
    pageTimes.push(ms);
  }
  await field.fill('');
  pageTimes.sort((a, b) => a - b);
  console.log(
    `page, submit to announced results (${queries.length} queries, once each): median ${quantile(pageTimes, 0.5).toFixed(1)} ms, max ${pageTimes[pageTimes.length - 1]!.toFixed(1)} ms`,
  );
} finally {
  await browser.close();
  await server.close();
  await rm(root, { recursive: true, force: true });
}
