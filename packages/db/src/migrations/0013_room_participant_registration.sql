-- The registration behind a registrant's place in the live room: the name shown there is the
-- registrant's data, and goes with the registration (deleted by the registrant, or when the event's
-- retention ends). Staff and organisers have none.
alter table room_participants add column registration_id uuid references registrations(id) on delete cascade;
update room_participants p set registration_id = r.id
  from registrations r
  where left(p.identity, 4) = 'reg_' and substring(p.identity from 5) = r.id::text;
-- Names of registrants whose data was deleted before the room's rows went with it.
delete from room_participants where left(identity, 4) = 'reg_' and registration_id is null;
create index room_participants_registration_idx on room_participants (registration_id);
