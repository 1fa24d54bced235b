-- Enterprise logins live in the registry, not in Camunda's identity tables: Camunda Admin lists staff only.
-- The password is a Spring Security delegating hash ("{bcrypt}$2a$..."), so the algorithm can change later
-- without a migration. Failed logins are recorded for the administrators' information only: the login throttle
-- works per client address, so nobody can lock out another enterprise from outside.
create table if not exists enterprise_account (
  credit_code varchar(18) primary key references enterprise (credit_code),
  password_hash varchar(200) not null,
  enabled boolean not null default true,
  failed_logins integer not null default 0,
  last_failed_at timestamp,
  last_login_at timestamp,
  created_by varchar(64) not null,
  created_at timestamp not null,
  updated_by varchar(64) not null,
  updated_at timestamp not null
);
