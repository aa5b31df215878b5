-- Every recording belongs to an organisation, also one uploaded without an event: its organisers
-- see and act on it, nobody else does (the public sees published replays only).
alter table recordings add column organisation_id uuid references organisations(id);

-- A recording of an event belongs to the event's organisation: the pair must match an event's.
alter table events add constraint events_id_organisation_key unique (id, organisation_id);
alter table recordings add constraint recordings_event_organisation_fkey
  foreign key (event_id, organisation_id) references events (id, organisation_id);

update recordings r set organisation_id = e.organisation_id from events e where e.id = r.event_id;

-- Recordings imported without an event before now: the organisation, where there is only one.
-- With several, they stay without an owner until an operator sets one; the public still sees them
-- once published, no organiser does.
update recordings set organisation_id = (select id from organisations)
  where organisation_id is null and (select count(*) from organisations) = 1;

create index recordings_organisation_idx on recordings (organisation_id, created_at desc);
