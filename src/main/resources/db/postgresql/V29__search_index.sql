-- Search on PostgreSQL: its own full-text search over the folded words (V28), kept current by the
-- database. The 'simple' configuration neither stems nor drops stop words: the words are already
-- folded by the application, and the embedded H2 default must find exactly the same things.
-- The vectors are stored (generated columns), not only indexed: a plan that walks the newest rows
-- first checks each one's stored vector instead of parsing its whole text again (an article's
-- 12 KB cost 5 ms a row that way; docs/benchmarks.md). Backups leave them out (the database makes them).
alter table article add column search_vector tsvector generated always as (to_tsvector('simple', coalesce(search_text, ''))) stored;
alter table annotation add column search_vector tsvector generated always as (to_tsvector('simple', coalesce(search_text, ''))) stored;
create index ix_article_search on article using gin (search_vector);
create index ix_annotation_search on annotation using gin (search_vector);
-- The rows io.gloss.search.SearchBackfill still has to fold (older rows, older backups).
create index ix_article_search_pending on article (id) where search_text is null;
create index ix_annotation_search_pending on annotation (id) where search_text is null;
