-- A broadcast's closed stream is its recording's quick version (issue 15): nothing was remuxed or
-- uploaded for it, and its files are the live stream's, under `replays/<id>/live/`, not under a
-- version prefix of its own. `source` says which kind of version a row is.
alter table recording_versions add column source text not null default 'transcode'
  check (source in ('transcode', 'broadcast'));
