-- The live room of an event. No row: the backstage has not been opened yet.
create table live_rooms (
  event_id uuid primary key references events(id) on delete cascade,
  room_name text not null unique,
  status text not null check (status in ('backstage', 'live', 'ended')),
  opened_at timestamptz not null default now(),
  live_at timestamptz,
  ended_at timestamptz,
  updated_at timestamptz not null default now()
);
create index live_rooms_status_idx on live_rooms (status, ended_at);

-- Who has been in the room, and our own record of hands and the stage: LiveKit mirrors it, we decide it.
create table room_participants (
  event_id uuid not null references events(id) on delete cascade,
  identity text not null,
  display_name text not null,
  role text not null check (role in ('host', 'presenter', 'moderator', 'attendee')),
  hand_raised_at timestamptz,
  on_stage boolean not null default false,
  removed_at timestamptz,
  joined_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (event_id, identity)
);
create index room_participants_hands_idx on room_participants (event_id, hand_raised_at)
  where hand_raised_at is not null;

-- One row per recording of the room (a RoomComposite egress). The row is reserved before LiveKit is
-- asked, so two hosts pressing "record" at once get one recording and one 409.
create table egresses (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  room_name text not null,
  egress_id text unique,
  status text not null check (status in (
    'requested', 'starting', 'active', 'ending', 'complete', 'failed', 'aborted', 'limit_reached')),
  error text,
  started_at timestamptz,
  ended_at timestamptz,
  -- Set once, when the finished file becomes a recording: a repeated webhook or the reconciler finds it set.
  recording_id uuid unique references recordings(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index egresses_one_active_per_event_idx on egresses (event_id)
  where status in ('requested', 'starting', 'active', 'ending');
create index egresses_event_idx on egresses (event_id, created_at desc);

-- Webhook event ids already processed; inserted in the same transaction as the event's effect.
create table livekit_webhook_events (
  id text primary key,
  event text not null,
  received_at timestamptz not null default now()
);
create index livekit_webhook_events_received_idx on livekit_webhook_events (received_at);

-- When the recorded media starts (from the egress file result), so questions can be placed on its timeline.
alter table recordings add column source_started_at timestamptz;
