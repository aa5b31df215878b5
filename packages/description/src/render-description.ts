import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Its own instance, so no other code's marked settings leak in.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Markdown from an organiser to HTML that is safe to put on a public page: only
 * the tags of ordinary text survive, links only to http(s) and mailto, and every
 * link opens as a plain link (no scripts, styles, images, frames or handlers).
 */
export function renderDescription(source: string): string {
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, {
    allowedTags: [
      'p',
      'br',
      'strong',
      'em',
      'del',
      'code',
      'pre',
      'blockquote',
      'ul',
      'ol',
      'li',
      'h2',
      'h3',
      'h4',
      'a',
      'hr',
    ],
    allowedAttributes: { a: ['href', 'rel'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    // The page has its own h1 (the title): headings in a description start one level down.
    transformTags: {
      h1: 'h2',
      h5: 'h4',
      h6: 'h4',
      a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener' }),
    },
    disallowedTagsMode: 'escape',
  }).trim();
}
