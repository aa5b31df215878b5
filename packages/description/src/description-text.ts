import { renderDescription } from './render-description.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name] ?? '');
}

/**
 * The description as plain text, for places where HTML cannot go (cards, feed summaries, calendar
 * files): the Markdown is read by the same renderer the pages use, so the words are the same, with
 * the marks gone, list items as "• …", a link as "text (address)" and paragraphs kept apart.
 */
export function describeAsText(source: string): string {
  const html = renderDescription(source)
    .replace(/(<\/?(?:ul|ol|li)>)\n+/g, '$1')
    .replace(/<li>\s*<p>/g, '<li>')
    .replace(/<(p|h2|h3|h4|ul|ol|blockquote|pre|hr)\b/g, '\n\n<$1')
    .replace(/<a href="([^"]*)"[^>]*>(.*?)<\/a>/g, (_, href: string, text: string) =>
      decodeEntities(href) === decodeEntities(text.replace(/<[^>]+>/g, '')) ? text : `${text} (${href})`,
    )
    .replace(/<li>/g, '• ')
    .replace(/<br>/g, '\n')
    .replace(/<\/(p|h2|h3|h4|blockquote|pre|ul|ol)>/g, '\n\n')
    .replace(/<\/li>|<hr>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(html)
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
