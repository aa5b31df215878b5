-- The moderated Q&A of an event. The event's row here holds its settings and the counter that numbers
-- every change: a change takes the row (for update), so changes of one event are numbered without gaps,
-- in the order they commit, and a viewer can resume from the last number it saw.
create table event_qa (
  event_id uuid primary key references events(id) on delete cascade,
  pre_moderation boolean not null default false,
  questions_at_end boolean not null default false,
  qa_started_at timestamptz,
  default_sort text not null default 'popular' check (default_sort in ('popular', 'recent')),
  last_seq bigint not null default 0,
  updated_at timestamptz not null default now()
);

create table questions (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id) on delete cascade,
  -- The asker; null once the registrant's data is deleted (the question stays, nameless).
  registration_id uuid references registrations(id) on delete set null,
  status text not null
    check (status in ('pending', 'live', 'highlighted', 'answered', 'dismissed', 'merged')),
  text text not null check (length(text) between 1 and 500),
  -- The text as asked, set by the first edit of a moderator.
  original_text text,
  anonymous boolean not null default false,
  pinned boolean not null default false,
  answer text,
  -- Kept with the votes in the same transaction, so ordering by it needs no count.
  vote_count integer not null default 0 check (vote_count >= 0),
  dismissed_from text,
  merged_into_id uuid references questions(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  edited_at timestamptz,
  highlighted_at timestamptz,
  answered_at timestamptz
);
create index questions_event_idx on questions (event_id, created_at);
create index questions_registration_idx on questions (registration_id);
-- At most one question is being answered at a time.
create unique index questions_one_highlighted_idx on questions (event_id) where status = 'highlighted';

-- One vote per person and question; a merge moves votes with "on conflict do nothing", so a person who
-- voted for both questions counts once.
create table question_votes (
  question_id uuid not null references questions(id) on delete cascade,
  registration_id uuid references registrations(id) on delete set null,
  created_at timestamptz not null default now()
);
create unique index question_votes_once_idx on question_votes (question_id, registration_id);
create index question_votes_registration_idx on question_votes (registration_id);

-- Every change, numbered per event: what viewers are sent (and resume from) and the audit log.
-- The snapshot is the question (or the settings) after the change, without names: the asker's name is
-- looked up from the registration when read, so deleting registrant data removes it here too.
create table question_changes (
  event_id uuid not null references events(id) on delete cascade,
  seq bigint not null,
  question_id uuid references questions(id) on delete cascade,
  kind text not null check (kind in ('asked', 'voted', 'unvoted', 'status', 'edited', 'pinned', 'unpinned',
    'answer', 'merged', 'merge_target', 'settings')),
  from_status text,
  snapshot jsonb not null,
  actor_kind text not null check (actor_kind in ('registration', 'staff', 'organiser')),
  actor_id text not null,
  actor_role text not null,
  -- Names of staff and organisers only; a registrant's name is looked up like the asker's.
  actor_name text,
  created_at timestamptz not null default now(),
  primary key (event_id, seq)
);
create index question_changes_question_idx on question_changes (question_id);

-- Chapters published with a replay: one per answered question, from when it was highlighted.
create table replay_chapters (
  recording_id uuid primary key references recordings(id) on delete cascade,
  event_id uuid not null references events(id) on delete cascade,
  chapters jsonb not null,
  -- The WebVTT file in the public bucket; its name carries a hash of its content.
  public_key text,
  published_at timestamptz not null default now()
);
