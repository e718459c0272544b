-- A background import carries where its lines' spans go (?as= and ?account=) and counts them.
alter table import_job add column spans_as varchar(20) default 'suggestions' not null;
alter table import_job add column spans_account varchar(100);
alter table import_job add column spans integer default 0 not null;
