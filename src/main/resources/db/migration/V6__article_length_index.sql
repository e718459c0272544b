-- An export plans each batch from (id, length) in id order: with length in the index, both H2 and
-- PostgreSQL answer from the index alone instead of reading every article's text to learn its size.
-- It serves everything the old (project_id, id) index did.
create index if not exists ix_article_project_length on article (project_id, id, length);
drop index if exists ix_article_project;
