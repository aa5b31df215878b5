-- Seats taken, kept on the event row: one conditional UPDATE both checks and takes a seat, so a
-- registration decides its seat in a single statement instead of holding the event lock across round trips.
alter table events add column confirmed_count integer not null default 0 check (confirmed_count >= 0);
update events e set confirmed_count = (
  select count(*) from registrations r where r.event_id = e.id and r.status = 'confirmed'
);
