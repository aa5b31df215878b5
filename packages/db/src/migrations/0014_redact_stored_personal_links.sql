-- E-mails kept before the outbox redacted personal links lose their tokens, as those kept since do.
-- A calendar file is unfolded first, as a link may have been folded across two of its lines; it is
-- folded again wherever the link is put back.
update outbound_emails set
  text_body = regexp_replace(text_body, '/p/[A-Za-z0-9_-]{43}', '/p/[personlig-lenke]', 'g'),
  ics = regexp_replace(regexp_replace(ics, E'\r\n[ \t]', '', 'g'), '/p/[A-Za-z0-9_-]{43}', '/p/[personlig-lenke]', 'g')
where text_body ~ '/p/[A-Za-z0-9_-]{43}'
  or regexp_replace(ics, E'\r\n[ \t]', '', 'g') ~ '/p/[A-Za-z0-9_-]{43}';
