-- The people who run a webinar, invited by a link: hosts, presenters and moderators.
-- Only the SHA-256 of the link's token is stored; the link itself is shown once, when it is made.
create table event_staff (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  role text not null check (role in ('host', 'presenter', 'moderator')),
  display_name text not null check (length(display_name) between 1 and 120),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index event_staff_event_idx on event_staff (event_id);
