-- The enterprise an award is about (audit 2026-11-29 #17): for LZ-SEI-MERGER the acquired enterprise, named by the
-- applicant's fact mergedEnterpriseCreditCode or, when left out, the applicant itself. Recorded at screening for a
-- measure whose package.json declares a subjectFact; its onceKey and SUBJECT cap count per subject across all
-- applicants, so one merger is subsidised once whoever files for it.
alter table incentive_application add column if not exists subject_code varchar(18);
create index if not exists application_subject_once_key on incentive_application (subject_code, once_key);
create index if not exists application_subject_cap_group on incentive_application (subject_code, cap_group);

-- One row per subject ever screened: screenings about the same subject lock it, so two filings at once about the
-- same acquired enterprise (which need not be in the enterprise registry) cannot both pass.
create table if not exists application_subject_lock (
  subject_code varchar(18) primary key
);

-- Merger applications screened before this version: no release before it had mergedEnterpriseCreditCode, so the
-- applicant was the acquired enterprise (it had to be on the SEI list itself), and the measure had no once key; so that they block a second subsidy for the same merger, they
-- get the subject and the once key the table gives now.
update incentive_application set subject_code = credit_code, once_key = 'LZ-SEI-MERGER'
  where measure_code = 'LZ-SEI-MERGER' and subject_code is null and once_key is null;
