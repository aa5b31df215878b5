-- Registration: event settings, registrations, the e-mail outbox and the counts that outlive deletion.
-- Events that exist before this migration are live already, so they become published; new ones start as drafts.
alter table events add column status text not null default 'published'
  check (status in ('draft', 'published', 'cancelled'));
alter table events alter column status set default 'draft';
alter table events add column mode text not null default 'online' check (mode in ('online', 'onsite', 'hybrid'));
alter table events add column address text;
alter table events add column registration_opens_at timestamptz;
alter table events add column registration_closes_at timestamptz;
alter table events add column capacity integer check (capacity is null or capacity > 0);
alter table events add column waitlist_enabled boolean not null default true;
alter table events add column recorded boolean not null default false;
alter table events add column retention_days integer not null default 30 check (retention_days between 0 and 3650);
alter table events add column custom_questions jsonb not null default '[]'::jsonb;
alter table events add column cancelled_at timestamptz;
-- Bumped on every change registrants are told about; it is the SEQUENCE of the calendar invitation.
alter table events add column revision integer not null default 0;
-- Set when the retention job has removed the registrants' personal data.
alter table events add column registrant_data_deleted_at timestamptz;

-- Waiting-list order: taken when a registration joins the list, so a later re-registration queues at the end.
create sequence registration_queue_seq;

create table registrations (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  status text not null check (status in ('confirmed', 'waitlisted', 'cancelled')),
  name text not null,
  email text not null,
  email_normalised text not null,
  organisation text,
  accessibility_needs text,
  answers jsonb not null default '{}'::jsonb,
  consent_at timestamptz not null,
  -- Only a hash: the token itself is in the registrant's personal link and nowhere else.
  join_token_hash text not null unique,
  queue_position bigint not null default nextval('registration_queue_seq'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  cancelled_at timestamptz
);
-- One registration per person and event: the same e-mail registering again gets the same registration.
create unique index registrations_event_email_idx on registrations (event_id, email_normalised);
create index registrations_event_status_idx on registrations (event_id, status, queue_position);

-- Counts of registrations whose personal data has been deleted; live rows plus these are the totals.
create table registration_tallies (
  event_id uuid primary key references events(id) on delete cascade,
  confirmed integer not null default 0,
  waitlisted integer not null default 0,
  cancelled integer not null default 0,
  updated_at timestamptz not null default now()
);

-- A message an organiser sends to everyone registered for an event.
create table event_messages (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  subject text not null,
  body text not null,
  created_at timestamptz not null default now()
);

-- Every e-mail we send is rendered into the outbox first; without SMTP the outbox is where it is read.
create table outbound_emails (
  id uuid primary key default gen_random_uuid(),
  event_id uuid references events(id) on delete cascade,
  registration_id uuid references registrations(id) on delete cascade,
  kind text not null,
  -- Makes a retried job send nothing twice: one e-mail per registration and occasion.
  dedupe_key text not null unique,
  to_address text not null,
  subject text not null,
  text_body text not null,
  ics text,
  status text not null default 'pending' check (status in ('pending', 'sent', 'stored', 'failed')),
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbound_emails_created_idx on outbound_emails (created_at desc);
create index outbound_emails_registration_idx on outbound_emails (registration_id);

-- Secrets the installation makes for itself on first use (e.g. the key personal links are derived from),
-- shared by every API and worker process through the database.
create table app_secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
