-- "Forgot password" for local accounts: one row per reset link sent. The link's token is derived
-- from the row's id with the installation's secret (put in only as the e-mail leaves); the row keeps
-- its SHA-256, when it stops working, and when it was used (a link works once).
create table password_resets (
  id uuid primary key,
  account_id uuid not null references organiser_accounts(id) on delete cascade,
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index password_resets_account_idx on password_resets (account_id);
-- The reset message belongs to its link and goes with it; kept with the link redacted.
alter table outbound_emails add column password_reset_id uuid references password_resets(id) on delete cascade;
create index outbound_emails_password_reset_idx on outbound_emails (password_reset_id);
