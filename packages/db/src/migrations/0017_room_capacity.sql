-- A hybrid event's capacity may apply to the room only: in-person registrations beyond it are refused
-- (they may join online), online ones are not counted against it.
alter table events add column room_capacity integer check (room_capacity is null or room_capacity > 0);
