-- Case files (issue 9): the auditors' search runs over the application ledger, sorted by filing time by default,
-- and the policy console records a comment with each redeployment. H2 and PostgreSQL.

-- Search filters combined with the default order (newest filing first), so a page is read from an index.
create index if not exists application_filed_at on incentive_application (filed_at);
create index if not exists application_package_filed on incentive_application (package_code, filed_at);
create index if not exists application_measure_filed on incentive_application (measure_code, filed_at);
create index if not exists application_status_filed on incentive_application (status, filed_at);
create index if not exists application_credit_filed on incentive_application (credit_code, filed_at);
create index if not exists application_county_status on incentive_application (county, status, filed_at);
-- "Reviewed by": the journal's steps by actor.
create index if not exists application_event_actor on application_event (actor, application_id);
-- Enterprise name (prefix) and the settings changes a case file shows for its package.
create index if not exists enterprise_name on enterprise (name);
create index if not exists settings_change_package on settings_change (package_code, changed_at);

-- Why an administrator redeployed a package (policy console).
alter table package_revision add column if not exists deploy_comment varchar(2000);
