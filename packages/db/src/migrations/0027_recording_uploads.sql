-- Recordings uploaded from the browser as S3 multipart uploads: the state a reload of the page
-- resumes from. The id becomes the recording's id when the upload is completed. The file's name,
-- size and time of change are kept only to find the upload again when the same file is picked:
-- what the file is comes from its content.
create table recording_uploads (
  id uuid primary key,
  organisation_id uuid not null references organisations(id) on delete cascade,
  event_id uuid references events(id) on delete cascade,
  -- The account or API token that started it: only it signs parts, completes or aborts.
  owner_kind text not null check (owner_kind in ('account', 'token')),
  owner_id uuid not null,
  title text not null,
  file_name text not null,
  file_size bigint not null check (file_size > 0),
  file_modified bigint not null,
  content_type text not null,
  part_size bigint not null check (part_size > 0),
  part_count integer not null check (part_count between 1 and 10000),
  object_key text not null,
  s3_upload_id text not null,
  state text not null default 'active' check (state in ('active', 'completing', 'completed', 'aborted')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index recording_uploads_owner on recording_uploads (owner_id, state);
create index recording_uploads_stale on recording_uploads (updated_at) where state in ('active', 'completing');
