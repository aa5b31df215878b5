-- Captions an organiser has added to a recording, one file per language. The file itself is in the
-- public bucket under a name that changes with its content, so it can be cached for good.
create table recording_captions (
  recording_id uuid not null references recordings(id) on delete cascade,
  language text not null check (language in ('nb', 'nn', 'en', 'se')),
  public_key text not null,
  cue_count integer not null,
  uploaded_at timestamptz not null default now(),
  primary key (recording_id, language)
);
