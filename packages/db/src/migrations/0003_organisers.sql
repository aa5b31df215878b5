-- Organisers sign in with a local password or through the configured OpenID Connect provider.
-- Secrets are never stored: passwords as scrypt hashes, session ids and API tokens as SHA-256 hashes.
create table organiser_accounts (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id),
  email text not null,
  display_name text not null,
  password_hash text,
  oidc_issuer text,
  oidc_subject text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((oidc_issuer is null) = (oidc_subject is null))
);
create unique index organiser_accounts_email_idx on organiser_accounts (lower(email));
create unique index organiser_accounts_oidc_idx on organiser_accounts (oidc_issuer, oidc_subject)
  where oidc_subject is not null;

create table organiser_sessions (
  id_hash text primary key,
  account_id uuid not null references organiser_accounts(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index organiser_sessions_account_idx on organiser_sessions (account_id);
create index organiser_sessions_expiry_idx on organiser_sessions (expires_at);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id),
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_organisation_idx on api_tokens (organisation_id);
