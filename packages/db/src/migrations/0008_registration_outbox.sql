-- What a registration still has to hand to the job queue (its confirmation e-mail, the reminders of a
-- new seat), written in the registration's own transaction and deleted once the jobs are queued: a
-- registration that was answered is never left without its e-mail, even if the process dies or Redis
-- is away between the commit and the hand-off.
create table registration_outbox (
  id bigserial primary key,
  registration_id uuid not null references registrations(id) on delete cascade,
  email_kind text not null check (email_kind in ('confirmation')),
  -- add: a new seat, no reminders yet; replace: a seat taken again, drop any left from before.
  reminders text not null default 'none' check (reminders in ('none', 'add', 'replace')),
  -- Taken by a hand-off pass until then; a pass that died lets it go when the time is up.
  claimed_until timestamptz,
  created_at timestamptz not null default now()
);
create index registration_outbox_registration_idx on registration_outbox (registration_id);
