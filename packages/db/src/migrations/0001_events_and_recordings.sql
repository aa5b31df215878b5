-- Organisations own events; events own recordings. Registration comes later.
create table organisations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  name text not null,
  created_at timestamptz not null default now()
);

create table events (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id),
  slug text not null unique,
  title text not null,
  description text not null default '',
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  language text not null default 'nb' check (language in ('nb', 'nn', 'en')),
  contact_name text not null,
  contact_email text not null,
  contact_phone text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at)
);

create table recordings (
  id uuid primary key default gen_random_uuid(),
  event_id uuid references events(id),
  title text not null,
  state text not null default 'uploaded'
    check (state in ('uploaded', 'processing', 'quick_published', 'published', 'failed')),
  failure_reason text,
  source_key text not null,
  source_bytes bigint,
  probe jsonb,
  duration_seconds double precision,
  progress jsonb,
  published_version_id uuid,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index recordings_state_idx on recordings (state);

-- Every version lives under its own prefix; the recording points at the one that is public.
create table recording_versions (
  id uuid primary key default gen_random_uuid(),
  recording_id uuid not null references recordings(id) on delete cascade,
  kind text not null check (kind in ('quick', 'full')),
  state text not null default 'uploading' check (state in ('uploading', 'verified', 'public', 'retired')),
  prefix text not null,
  manifest jsonb,
  created_at timestamptz not null default now()
);
-- A retried job resumes the version it started (same prefix) instead of publishing a second one.
create index recording_versions_resume_idx on recording_versions (recording_id, kind, state);
