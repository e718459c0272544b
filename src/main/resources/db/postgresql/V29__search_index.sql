-- Search on PostgreSQL: its own full-text search over the folded words (V28), kept current by the
-- database. The 'simple' configuration neither stems nor drops stop words: the words are already
-- folded by the application, and the embedded H2 default must find exactly the same things.
create index ix_article_search on article using gin (to_tsvector('simple', search_text));
create index ix_annotation_search on annotation using gin (to_tsvector('simple', search_text));
-- The rows io.gloss.search.SearchBackfill still has to fold (older rows, older backups).
create index ix_article_search_pending on article (id) where search_text is null;
create index ix_annotation_search_pending on annotation (id) where search_text is null;
