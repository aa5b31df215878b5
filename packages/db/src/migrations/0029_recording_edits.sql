-- The trim of a recording (issue 14, section 2): the ranges an organiser cut out, as a JSON list of
-- {start, end} in seconds of the raw source, which stays in the raw bucket so a trim can be undone
-- (an empty list is the original). `cuts` is what was asked for last; `applied_cuts` the cuts of
-- the version made from it, whose times the captions and chapters are in.
create table recording_edits (
  recording_id uuid primary key references recordings(id) on delete cascade,
  cuts jsonb not null default '[]',
  applied_cuts jsonb not null default '[]',
  requested_at timestamptz not null default now(),
  applied_at timestamptz
);
