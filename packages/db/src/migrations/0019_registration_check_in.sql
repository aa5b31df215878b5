-- When a registrant was ticked off at the door of an on-site event. It is their data and goes with
-- their registration (deleted with it, at their request or at the end of the retention).
alter table registrations add column checked_in_at timestamptz;
