-- Each time a registrant was in the live room: from LiveKit's participant webhooks, a rejoin is
-- a new row. The rows are the registrant's data and go with the registration (deleted by the
-- registrant, or when the event's retention ends), like room_participants (0013).
create table room_attendance_sessions (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  registration_id uuid not null references registrations(id) on delete cascade,
  -- LiveKit's own joining time: participant_joined and participant_left both carry it, so either,
  -- in whichever order they arrive, names the same stay.
  joined_at timestamptz not null,
  left_at timestamptz,
  -- The webhook that first told of the stay: a retried delivery adds no second one.
  webhook_id text not null unique,
  unique (registration_id, joined_at)
);
create index room_attendance_sessions_event_idx on room_attendance_sessions (event_id, registration_id, joined_at);
