import { describe, expect, it } from 'vitest';
import { renderArchivePage } from './archive-page.ts';
import { renderEmbedPage } from './embed-page.ts';
import { renderJsonFeed } from './json-feed.ts';
import { renderOembed } from './oembed.ts';
import { renderReplayPage } from './replay-page.ts';
import { renderRssFeed } from './rss-feed.ts';
import { sampleArchiveInput, sampleEvent, sampleReplayInput } from './testing/fixtures.ts';
import type { ReplayInput } from './types.ts';

// Markup an organiser could type into any field; none of it may come out as markup.
const payloads = {
  title: '</script><script>alert("title")</script><img src=x onerror=alert(1)>',
  eventTitle: '<iframe src="javascript:alert(2)"></iframe>',
  description: '<script>alert(\'description\')</script>\n\n<a href="javascript:alert(3)">klikk</a> ]]> <!--',
  contactName: '<svg onload=alert(4)>',
  email: '"><script>alert(5)</script>@example.no',
  phone: '<b onmouseover=alert(6)>55</b>',
  organisation: '<style>body{display:none}</style>',
  captionLabel: '"><script>alert(7)</script>',
  siteName: '<marquee>Folkemøte</marquee>',
  cue: '<script>alert(8)</script> </ol><img src=x onerror=alert(9)>',
};

const rawMarkup = [
  /<script>alert/,
  /<img src=x/,
  /<iframe src="javascript/,
  /<a href="javascript/,
  /<svg onload/,
  /<b onmouseover/,
  /<style>body/,
  /<marquee>/,
  /"><script/,
  /<!--/,
];

function hostileInput(): ReplayInput {
  const input = sampleReplayInput({
    siteName: payloads.siteName,
    event: sampleEvent({
      title: payloads.eventTitle,
      description: payloads.description,
      organisation: { slug: 'org', name: payloads.organisation },
      contact: { name: payloads.contactName, email: payloads.email, phone: payloads.phone },
    }),
  });
  input.recording = { ...input.recording, title: payloads.title };
  input.captions = [{ srclang: 'nb', label: payloads.captionLabel, path: 'replays/x/captions/nb.vtt' }];
  input.transcript = { language: 'nb', cues: [{ startSeconds: 1, endSeconds: 2, text: payloads.cue }] };
  return input;
}

function expectNoRawMarkup(output: string): void {
  for (const pattern of rawMarkup) expect(output, String(pattern)).not.toMatch(pattern);
}

function scriptElements(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
}

describe('organiser text stays inert', () => {
  const input = hostileInput();
  const archive = { ...sampleArchiveInput([input]), siteName: payloads.siteName };

  it('in the replay page, including its inline JSON-LD', () => {
    const html = renderReplayPage(input);
    expectNoRawMarkup(html);
    expect(scriptElements(html)).toEqual([
      '<script type="application/ld+json">',
      '<script src="https://opptak.example.no/assets/player.js" defer>',
      '<script src="https://opptak.example.no/assets/transcript.js" defer>',
    ]);
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(json)).toMatchObject({ name: payloads.title, '@type': 'VideoObject' });
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(html).toContain('<p class="contact__name">&lt;svg onload=alert(4)&gt;</p>');
    expect(html).toContain('<a href="mailto:&quot;&gt;&lt;script&gt;alert(5)&lt;/script&gt;@example.no">');
    expect(html).toContain('<a href="tel:655">&lt;b onmouseover=alert(6)&gt;55&lt;/b&gt;</a>');
    // The description goes through the shared Markdown renderer: typed HTML comes out as text.
    expect(html).toContain('&lt;script&gt;alert(&#39;description&#39;)&lt;/script&gt;');
    expect(html).toContain('<p><a rel="nofollow noopener">klikk</a> ]]&gt; &lt;!--</p>');
    expect(html).toContain('label="&quot;&gt;&lt;script&gt;alert(7)&lt;/script&gt;"');
  });

  it('in the embed page', () => {
    const html = renderEmbedPage(input);
    expectNoRawMarkup(html);
    expect(scriptElements(html)).toEqual(['<script src="https://opptak.example.no/assets/player.js" defer>']);
  });

  it('in the archive page', () => {
    const html = renderArchivePage(archive);
    expectNoRawMarkup(html);
    expect(scriptElements(html)).toEqual([]);
    expect(html).toContain('alt="Stillbilde fra opptaket «&lt;/script&gt;&lt;script&gt;');
  });

  it('in the oEmbed iframe markup', () => {
    const response = renderOembed(input);
    expectNoRawMarkup(response.html);
    expect(response.html.match(/</g)).toHaveLength(2); // <iframe ...></iframe>
    expect(response.title).toBe(payloads.title);
  });

  it('in the RSS feed, escaped for XML (and the HTML description escaped once more)', () => {
    const xml = renderRssFeed(archive);
    expectNoRawMarkup(xml);
    expect(xml).not.toContain('<![CDATA[');
    expect(xml).toContain('<title>&lt;/script&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(xml).toContain(
      '<description>&amp;lt;script&amp;gt;alert(&apos;description&apos;)&amp;lt;/script&amp;gt;&lt;p&gt;',
    );
    expect(xml).toContain('<title>Opptak – &lt;marquee&gt;Folkemøte&lt;/marquee&gt;</title>');
    expect(xml).toContain(' ]]&amp;gt; ');
  });

  it('in the JSON feed: plain strings round-trip, HTML content is escaped', () => {
    const feed = renderJsonFeed(archive);
    const parsed = JSON.parse(JSON.stringify(feed)) as typeof feed;
    expect(parsed).toEqual(feed);
    const item = parsed.items[0];
    expect(item?.title).toBe(payloads.title);
    // Plain text is the description read as Markdown: the characters typed, without the link's markup.
    expect(item?.content_text).toBe("<script>alert('description')</script>\n\nklikk ]]> <!--");
    expectNoRawMarkup(item?.content_html ?? '');
    expect(item?.content_html).toContain("&lt;script&gt;alert('description')&lt;/script&gt;");
    expect(item?.authors).toEqual([{ name: payloads.organisation }]);
  });
});
