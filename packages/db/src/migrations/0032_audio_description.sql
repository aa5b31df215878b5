-- How a recording meets WCAG 1.2.5 (audio description), as its organiser records it:
-- 'said_aloud' (everything shown was said aloud: a statement on the replay page) or 'track'
-- (a description track, recording_captions.kind = 'descriptions'); null while not yet decided.
alter table recordings add column audio_description text
  check (audio_description in ('said_aloud', 'track'));
