import type { OutboundEmail } from '@folkemote/db';

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The outbox as a plain page: every value escaped, no scripts, no styles from
 * elsewhere. What an organiser reads when no SMTP server is configured.
 */
export function renderOutboxPage(emails: OutboundEmail[]): string {
  const items = emails
    .map(
      (m) => `<article>
<h2>${escapeHtml(m.subject)}</h2>
<p>Til / To: ${escapeHtml(m.to)} · ${escapeHtml(m.kind)} · ${escapeHtml(m.createdAt)}${m.ics ? ' · invitation.ics' : ''}</p>
<pre>${escapeHtml(m.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Utboks – Folkemøte</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}article{border-top:1px solid #767676;padding:1rem 0}pre{white-space:pre-wrap}</style>
</head>
<body><main>
<h1>Utboks</h1>
<p>E-post som ville blitt sendt. Sett SMTP_URL for å sende den. / Mail that would have been sent; set SMTP_URL to send it.</p>
${items || '<p>Ingen e-post ennå. / No mail yet.</p>'}
</main></body>
</html>`;
}
