-- What a registrant's personal-link token is derived from, with the installation's secret: the id of
-- the link, not of the registration. A cancelled registration taken back gets a new one (and a new
-- join_token_hash), so the link it had before stops working. Links sent before this migration were
-- derived from the registration id, so that is their link id.
alter table registrations add column link_id uuid;
update registrations set link_id = id;
alter table registrations alter column link_id set not null;
