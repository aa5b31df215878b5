-- A staff link sent by e-mail from the organiser's form: the message belongs to the link and goes
-- with it. Like a registrant's, it is kept with the link redacted; the link is put in as it leaves.
alter table outbound_emails add column staff_id uuid references event_staff(id) on delete cascade;
create index outbound_emails_staff_idx on outbound_emails (staff_id);
