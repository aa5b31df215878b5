-- Pre-moderation is on for new events: a public body answers for what its pages show. Events that
-- existed before keep the Q&A they had (their row is made now, with the old default).
insert into event_qa (event_id) select id from events on conflict (event_id) do nothing;
alter table event_qa alter column pre_moderation set default true;
-- Questions may be asked from registration on, before the room goes live, where the organiser allows it.
alter table event_qa add column questions_before_start boolean not null default false;

-- Polls: prepared by staff before the event (draft), opened live one at a time, then closed.
create table polls (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  question text not null check (length(question) between 1 and 300),
  multiple boolean not null default false,
  -- Who sees the counts while the poll is open and after: everyone, or staff only.
  results_visibility text not null default 'everyone' check (results_visibility in ('everyone', 'staff')),
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  -- How many people answered; kept on the poll, so it stays when who answered is deleted.
  answer_count integer not null default 0 check (answer_count >= 0),
  created_at timestamptz not null default now(),
  opened_at timestamptz,
  closed_at timestamptz
);
create index polls_event_idx on polls (event_id, created_at);
-- One poll is open at a time.
create unique index polls_one_open_idx on polls (event_id) where status = 'open';

-- The choices of a poll, with their counts (kept when the answers go).
create table poll_options (
  poll_id uuid not null references polls(id) on delete cascade,
  position smallint not null check (position >= 0),
  text text not null check (length(text) between 1 and 200),
  votes integer not null default 0 check (votes >= 0),
  primary key (poll_id, position)
);

-- Who answered what: one answer per registration and poll. It is the registrant's personal data and
-- goes with their registration (on their own deletion and at the end of retention); the counts stay.
create table poll_answers (
  poll_id uuid not null references polls(id) on delete cascade,
  registration_id uuid not null references registrations(id) on delete cascade,
  choices smallint[] not null,
  created_at timestamptz not null default now(),
  primary key (poll_id, registration_id)
);
create index poll_answers_registration_idx on poll_answers (registration_id);

-- Poll changes go out on the Q&A's change log, numbered with the questions': `poll` when staff
-- prepare, open or close one, `poll_answered` when someone answers (the snapshot holds counts only).
alter table question_changes drop constraint question_changes_kind_check;
alter table question_changes add constraint question_changes_kind_check
  check (kind in ('asked', 'voted', 'unvoted', 'status', 'edited', 'pinned', 'unpinned', 'answer', 'merged',
    'merge_target', 'settings', 'deleted', 'poll', 'poll_answered'));
