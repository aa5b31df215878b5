-- Chapters an organiser makes by hand (time and title), beside those made from answered questions
-- (replay_chapters). Public with the replay once saved; they go with the recording.
create table recording_chapters (
  recording_id uuid not null references recordings(id) on delete cascade,
  start_seconds double precision not null check (start_seconds >= 0),
  title text not null check (char_length(title) between 1 and 200),
  primary key (recording_id, start_seconds)
);
