import { describe, expect, it } from 'vitest';
import { describeAsText } from './description-text.ts';
import { renderDescription } from './render-description.ts';

describe('renderDescription', () => {
  it('renders ordinary Markdown', () => {
    expect(renderDescription('**Velkommen** til *webinar*.\n\n- ett\n- to')).toBe(
      '<p><strong>Velkommen</strong> til <em>webinar</em>.</p>\n<ul>\n<li>ett</li>\n<li>to</li>\n</ul>',
    );
  });

  it('keeps http(s) and mailto links, marked nofollow', () => {
    expect(renderDescription('[Les mer](https://kommune.example.no/plan)')).toBe(
      '<p><a href="https://kommune.example.no/plan" rel="nofollow noopener">Les mer</a></p>',
    );
    expect(renderDescription('[x](javascript:alert(1))')).toBe('<p><a rel="nofollow noopener">x</a></p>');
  });

  it('shows HTML and scripts as text instead of running them', () => {
    const html = renderDescription(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> <b onclick="x()">b</b>',
    );
    expect(html).not.toMatch(/<script|<img|onerror=|onclick=/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('moves headings below the page title', () => {
    expect(renderDescription('# Program')).toBe('<h2>Program</h2>');
  });
});

describe('describeAsText', () => {
  it('drops the marks and keeps the words, paragraphs and list items', () => {
    expect(describeAsText('Vi legger fram **samfunnsdelen**.\n\n- Bakgrunn\n- Hovedgrep')).toBe(
      'Vi legger fram samfunnsdelen.\n\n• Bakgrunn\n• Hovedgrep',
    );
  });

  it('gives a link its address, and characters as they are', () => {
    expect(describeAsText('[Les mer](https://kommune.example.no/plan) & <b>x</b>')).toBe(
      'Les mer (https://kommune.example.no/plan) & <b>x</b>',
    );
    expect(describeAsText('<https://kommune.example.no>')).toBe('https://kommune.example.no');
  });

  it('keeps headings as lines of their own', () => {
    expect(describeAsText('# Program\nKl. 9: Velkommen')).toBe('Program\n\nKl. 9: Velkommen');
  });
});

describe('describeAsText with HTML in the source', () => {
  it('keeps typed HTML as its characters and the paragraphs apart', () => {
    expect(describeAsText('<script>alert(\'x\')</script>\n\n<a href="javascript:alert(3)">klikk</a>')).toBe(
      "<script>alert('x')</script>\n\nklikk",
    );
  });
});
