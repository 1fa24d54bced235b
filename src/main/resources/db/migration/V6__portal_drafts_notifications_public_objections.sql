-- Enterprise portal (issue 10): drafts an enterprise saves to finish later, read marks on notifications, and the
-- contact of a member of the public who objects to an award on notice (no login; once per contact and application).

create table if not exists application_draft (
  credit_code varchar(18) not null,
  measure_code varchar(64) not null,
  project_id varchar(40),
  facts_json varchar(20000) not null,
  saved_at timestamp not null,
  primary key (credit_code, measure_code)
);

alter table notification add column if not exists read_at timestamp;
create index if not exists notification_recipient on notification (credit_code, read_at);

alter table objection add column if not exists contact_name varchar(100);
alter table objection add column if not exists contact_phone varchar(32);
