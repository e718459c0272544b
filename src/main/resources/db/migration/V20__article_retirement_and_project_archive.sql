-- Issue 18: an admin retires an article (gone from lists, queues, assignments, agreement,
-- curation and new datasets; kept for audit and the datasets built before) and archives a
-- project (read-only until unarchived). Who did it and when; null while live.
alter table article add column retired_at timestamp(6) with time zone;
alter table article add column retired_by varchar(100);
alter table project add column archived_at timestamp(6) with time zone;
alter table project add column archived_by varchar(100);

-- The article list and an export's batches read (project_id, id, length) from this index alone;
-- with retired_at in it they still do while skipping retired articles.
create index if not exists ix_article_project_live on article (project_id, id, length, retired_at);
drop index if exists ix_article_project_length;
