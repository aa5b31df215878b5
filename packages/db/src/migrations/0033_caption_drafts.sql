-- Draft captions from speech recognition, one request per recording: which engine, in which
-- language (the event's, never detected), how far it has come, and why it stopped if it failed.
-- The draft itself is a row of recording_captions with status 'draft', whose file lies in the
-- raw bucket (never the public one) until an organiser approves it.
create table recording_caption_drafts (
  recording_id uuid primary key references recordings(id) on delete cascade,
  language text not null check (language in ('nb', 'nn', 'en')),
  engine text not null check (engine in ('whisper', 'pocketsphinx')),
  state text not null check (state in ('queued', 'running', 'done', 'failed')),
  percent real not null default 0 check (percent >= 0 and percent <= 100),
  cue_count integer,
  failure text,
  requested_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
