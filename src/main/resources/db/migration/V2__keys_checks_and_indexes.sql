-- Foreign keys, check constraints and the indexes the ledger's queries need (H2 and PostgreSQL).

alter table credit_record add constraint fk_credit_record_enterprise foreign key (credit_code) references enterprise (credit_code);
alter table enterprise add constraint ck_enterprise_tax_rating check (tax_credit_rating in ('A', 'B', 'M', 'C', 'D'));

alter table incentive_application add constraint ck_application_status check (status in ('SCREENING', 'REJECTED',
  'COUNTY_REVIEW', 'RETURNED', 'EXPERT_REVIEW', 'BUREAU_REVIEW', 'PUBLIC_NOTICE', 'DISBURSEMENT', 'DISBURSED', 'LAPSED'));
alter table incentive_application add constraint ck_application_amounts check (
  (proposed_award is null or proposed_award >= 0) and (approved_award is null or approved_award > 0)
  and (reserved_award is null or reserved_award > 0) and (disbursed_award is null or disbursed_award > 0));
alter table incentive_application add constraint ck_application_amount_source check (amount_source is null or amount_source in ('TABLE', 'BUREAU'));
create index if not exists application_cap_group on incentive_application (credit_code, cap_group);
create index if not exists application_once_key on incentive_application (credit_code, once_key);
create index if not exists application_project on incentive_application (credit_code, project_id);
create index if not exists application_measure_status on incentive_application (measure_code, status);
create index if not exists application_county on incentive_application (county, filed_at);
create index if not exists application_status on incentive_application (status, updated_at);

alter table application_event add constraint fk_event_application foreign key (application_id) references incentive_application (id);
alter table notification add constraint fk_notification_application foreign key (application_id) references incentive_application (id);
alter table disbursement add constraint fk_disbursement_application foreign key (application_id) references incentive_application (id);
alter table disbursement add constraint ck_disbursement_amount check (amount > 0);
alter table objection add constraint fk_objection_application foreign key (application_id) references incentive_application (id);
alter table objection add constraint ck_objection_status check (status in ('OPEN', 'UPHELD', 'DISMISSED'));

alter table package_budget add constraint ck_budget_amounts check ((total is null or total >= 0) and reserved >= 0 and disbursed >= 0
  and (total is null or reserved + disbursed <= total));

alter table county_award add constraint fk_county_award_run foreign key (run_id) references county_award_run (id);
alter table county_award_payment add constraint fk_county_payment_run foreign key (run_id) references county_award_run (id);

alter table project add constraint fk_project_enterprise foreign key (credit_code) references enterprise (credit_code);
alter table project add constraint ck_project_type check (project_type in ('NEW_BUILD', 'TECH_RENOVATION'));
alter table project add constraint ck_project_investment check (planned_investment >= 0);
