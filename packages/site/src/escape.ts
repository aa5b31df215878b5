const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values. Everything that comes from
 * organisers (titles, descriptions, names) passes through here before it reaches a page.
 */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}

// XML 1.0 forbids most C0 control characters outright, so they are dropped rather than escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to match them
const xmlForbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML content and attributes (RSS). */
export function escapeXml(value: string | number): string {
  return String(value)
    .replace(xmlForbidden, '')
    .replace(/[&<>"']/g, (char) => (char === "'" ? '&apos;' : (htmlEntities[char] ?? char)));
}

/**
 * Serialises JSON for a `<script type="application/ld+json">` block. `<`, `>` and `&` become
 * \u escapes so no string in the data can close the script element or open a comment, and the
 * two line separators JavaScript once treated as newlines are escaped too.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Plain text with blank-line paragraphs and single line breaks, as safe HTML. */
export function textToHtmlParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>\n')}</p>`)
    .join('\n');
}
