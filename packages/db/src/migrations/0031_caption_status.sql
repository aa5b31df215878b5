alter table recording_captions add column status text not null default 'approved'
  check (status in ('draft', 'approved'));
alter table recording_captions add column kind text not null default 'captions'
  check (kind in ('captions', 'descriptions'));
alter table recording_captions drop constraint recording_captions_pkey;
alter table recording_captions add primary key (recording_id, kind, language);
