-- Administrators of the installation: organisers who may see and act on every organisation's jobs
-- (the job view at /admin/jobs). Made and unmade with `pnpm cli users admin`, never through the web.
alter table organiser_accounts add column is_admin boolean not null default false;
