-- Live broadcast on the county website (issue 15). An event marked `broadcast` is streamed as HLS
-- into the public bucket under its replay address, `replays/<broadcasts.id>/`; the recording made
-- from its egress takes the same id, so the address never changes from the countdown to the replay.
alter table events add column broadcast boolean not null default false;

create table broadcasts (
  id uuid primary key,
  event_id uuid not null unique references events(id) on delete cascade,
  status text not null default 'scheduled' check (status in ('scheduled', 'live', 'ended')),
  -- The egress writing the stream, while it runs and after.
  egress_id text,
  live_since timestamptz,
  ended_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
