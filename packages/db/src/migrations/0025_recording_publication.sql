-- Organisers decide what is public. A recording's publication is apart from its processing state:
-- held for review (the default: processed and previewable by its organisers, not on the site),
-- public, or unpublished again (its version kept privately for a later re-publish).
alter table recordings add column publication text not null default 'held'
  check (publication in ('held', 'public', 'unpublished'));
-- Recordings made before this were public as soon as they were processed; they stay so.
update recordings set publication = 'public';
-- Per event: publish its recordings as soon as they are processed, without a review.
alter table events add column auto_publish boolean not null default false;
