import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeXml, jsonForScript, textToHtmlParagraphs } from './escape.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that can change HTML structure', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });

  it('leaves Norwegian letters and numbers alone', () => {
    expect(escapeHtml('Æøå i Sør-Fron')).toBe('Æøå i Sør-Fron');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops control characters XML 1.0 forbids', () => {
    expect(escapeXml(`<b a='1'>&\u0001\u000b</b>`)).toBe('&lt;b a=&apos;1&apos;&gt;&amp;&lt;/b&gt;');
  });

  it('keeps tabs and newlines', () => {
    expect(escapeXml('a\tb\nc')).toBe('a\tb\nc');
  });
});

describe('jsonForScript', () => {
  it('cannot close a script element or open a comment', () => {
    const json = jsonForScript({ title: '</script><script>alert(1)</script><!--', amp: 'a&b' });
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual({ title: '</script><script>alert(1)</script><!--', amp: 'a&b' });
  });

  it('escapes the JavaScript line separators', () => {
    expect(jsonForScript('a\u2028b\u2029c')).toBe('"a\\u2028b\\u2029c"');
  });
});

describe('textToHtmlParagraphs', () => {
  it('makes paragraphs from blank lines and <br> from single line breaks', () => {
    expect(textToHtmlParagraphs('Første avsnitt.\nAndre linje.\r\n\r\n\n  Andre avsnitt.  ')).toBe(
      '<p>Første avsnitt.<br>\nAndre linje.</p>\n<p>Andre avsnitt.</p>',
    );
  });

  it('escapes markup inside paragraphs and ignores empty text', () => {
    expect(textToHtmlParagraphs('<img src=x onerror=alert(1)>')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(textToHtmlParagraphs('  \n\n ')).toBe('');
  });
});
