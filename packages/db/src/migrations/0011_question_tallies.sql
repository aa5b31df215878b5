-- Counts of questions deleted with their askers' data (at the end of retention, or by the asker), so the
-- event's Q&A figures stay as they were: live rows plus these are the totals.
create table question_tallies (
  event_id uuid primary key references events(id) on delete cascade,
  asked integer not null default 0,
  answered integer not null default 0,
  dismissed integer not null default 0,
  merged integer not null default 0,
  open integer not null default 0,
  votes integer not null default 0,
  updated_at timestamptz not null default now()
);
