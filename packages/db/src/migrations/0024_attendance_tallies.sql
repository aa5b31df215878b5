-- What the organiser's attendance section counts, kept when the retention deletes the registrations and
-- their stays in the room (0023) and ticks at the door (0019): the counts are no one's personal data.
-- Live rows plus these are the totals, as with registration_tallies and question_tallies.
create table attendance_tallies (
  event_id uuid primary key references events(id) on delete cascade,
  -- Registrants who were in the live room at least once.
  attended integer not null default 0,
  -- A hybrid event's active registrations (confirmed or waiting) by how they take part.
  registered_in_person integer not null default 0,
  registered_online integer not null default 0,
  -- Of those: ticked off at the door, and in the live room.
  attended_in_person integer not null default 0,
  attended_online integer not null default 0,
  updated_at timestamptz not null default now()
);
