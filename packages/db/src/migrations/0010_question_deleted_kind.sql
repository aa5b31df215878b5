-- A question deleted with its asker's data is announced as a change of its own: the row is gone, so the
-- change keeps no link to it (question_id is null) and its snapshot holds the id only, never the text.
alter table question_changes drop constraint question_changes_kind_check;
alter table question_changes add constraint question_changes_kind_check
  check (kind in ('asked', 'voted', 'unvoted', 'status', 'edited', 'pinned', 'unpinned', 'answer', 'merged',
    'merge_target', 'settings', 'deleted'));
