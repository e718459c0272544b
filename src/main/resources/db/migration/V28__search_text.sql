-- Search (issue 22): the words of an article (title and text) and of an annotation (quote and
-- note), folded by io.gloss.text.SearchTokens (case, accents, compatibility forms) and joined by
-- spaces. Written by the application with every row; both databases index this column, so they
-- find the same things. Rows from before this migration are filled by io.gloss.search.SearchBackfill.
-- The database-specific half of search is in db/h2 and db/postgresql (V29).
alter table article add column search_text text;
alter table annotation add column search_text text;
